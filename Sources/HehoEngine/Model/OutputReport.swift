import HehoManifest

/// What `heho output` shows: for each managed resource, the values the platform assigned (its
/// ID, and whatever else the platform reports back, such as an embed code), read live, since
/// heho keeps no state file.
public struct OutputReport: Sendable, Hashable, Codable {
  /// One managed resource and what the platform assigned it.
  public struct Entry: Sendable, Hashable, Codable {
    /// Its address.
    public var address: ResourceAddress
    /// Its platform.
    public var platform: String
    /// The platform's ID.
    public var id: String
    /// Other values the platform assigned, by name.
    public var values: [String: Value]

    /// Creates an entry.
    public init(
      address: ResourceAddress, platform: String, id: String, values: [String: Value] = [:]
    ) {
      self.address = address
      self.platform = platform
      self.id = id
      self.values = values
    }
  }

  /// A managed resource that is not on its platform (or is there more than once).
  public struct Absent: Sendable, Hashable, Codable {
    /// Its address.
    public var address: ResourceAddress
    /// Its platform.
    public var platform: String
    /// Why there is no single value to show, and what to do.
    public var reason: String

    /// Creates an absent entry.
    public init(address: ResourceAddress, platform: String, reason: String) {
      self.address = address
      self.platform = platform
      self.reason = reason
    }
  }

  /// The format's version.
  public var formatVersion: String
  /// Managed resources found, sorted by address.
  public var outputs: [Entry]
  /// Managed resources not found exactly once, sorted by address.
  public var absent: [Absent]

  /// The format version this build writes.
  public static let currentFormatVersion = "1"

  /// The outputs of the compiled `items` found in `live`; `values` gives a live resource's
  /// assigned values beyond its ID. Manifest-only kinds and data kinds (a table's rows) are
  /// left out: the platform gives them no ID of their own.
  public init(
    items: [DesiredItem], live: LiveState, kinds: [KindBehavior],
    values: (LiveResource) -> [String: Value] = { _ in [:] }
  ) {
    var byAddress: [ResourceAddress: [LiveResource]] = [:]
    for resource in live.resources { byAddress[resource.address, default: []].append(resource) }
    var outputs: [Entry] = []
    var absent: [Absent] = []
    for item in items.sorted(by: { $0.address < $1.address }) {
      let behavior = kinds.first { $0.kind == item.address.kind }
      guard behavior?.manifestOnly != true, behavior?.recordContainer == nil else { continue }
      let platform = behavior?.platform ?? ""
      let found = byAddress[item.address] ?? []
      switch found.count {
      case 1:
        outputs.append(
          Entry(
            address: item.address, platform: platform, id: found[0].id, values: values(found[0])))
      case 0:
        absent.append(
          Absent(
            address: item.address, platform: platform,
            reason: "not on the platform: run heho apply"))
      default:
        absent.append(
          Absent(
            address: item.address, platform: platform,
            reason: "on the platform \(found.count) times (IDs "
              + found.map(\.id).sorted().joined(separator: ", ")
              + "): delete all but one on the platform"))
      }
    }
    self.formatVersion = Self.currentFormatVersion
    self.outputs = outputs
    self.absent = absent
  }

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case outputs, absent
  }
}
