import HehoManifest

/// One resource in a drift report: where it is declared, how it stands, and what differs.
public struct DriftEntry: Sendable, Hashable, Codable {
  /// How a resource stands against the manifests.
  public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
    /// Declared and live, and equal once normalized (ignored differences aside).
    case inSync = "in_sync"
    /// Declared and live, with fields that differ.
    case modified
    /// Declared but absent from the platform.
    case missing
    /// Live but declared by no manifest.
    case unmanaged
    /// The platform holds several resources with the name, so heho cannot tell which is meant.
    case conflict
  }

  /// `kind/name`.
  public var address: ResourceAddress
  /// The platform the resource is on (`heho`).
  public var platform: String
  /// How it stands.
  public var status: Status
  /// The platform's ID, when it is live (the first one for a conflict).
  public var liveID: String?
  /// Where it is declared, when it is.
  public var location: SourceLocation?
  /// Manifest resources folded into it (e.g. permissions of a chatbot), itself first.
  public var sources: [ResourceAddress]
  /// Fields that differ (modified only), in the order plan shows them.
  public var differences: [DriftDifference]
  /// Differences hidden by `lifecycle.ignoreChanges`, with the reason given for each.
  public var ignored: [DriftDifference]
  /// A sentence on a conflict or another condition that fields cannot show.
  public var message: String?

  /// Creates an entry.
  public init(
    address: ResourceAddress, platform: String = "", status: Status, liveID: String? = nil,
    location: SourceLocation? = nil, sources: [ResourceAddress] = [],
    differences: [DriftDifference] = [], ignored: [DriftDifference] = [], message: String? = nil
  ) {
    self.address = address
    self.platform = platform
    self.status = status
    self.liveID = liveID
    self.location = location
    self.sources = sources.isEmpty ? [address] : sources
    self.differences = differences
    self.ignored = ignored
    self.message = message
  }

  /// Whether the entry counts as drift (anything but in sync).
  public var isDrift: Bool { status != .inSync }

  enum CodingKeys: String, CodingKey {
    case address, kind, name, platform, status
    case liveID = "live_id"
    case location, sources, differences, ignored, message
  }

  /// Writes addresses as `kind/name` strings (plus `kind` and `name`), as the schema says.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(address.description, forKey: .address)
    try container.encode(address.kind, forKey: .kind)
    try container.encode(address.name, forKey: .name)
    try container.encode(platform, forKey: .platform)
    try container.encode(status, forKey: .status)
    try container.encodeIfPresent(liveID, forKey: .liveID)
    try container.encodeIfPresent(location, forKey: .location)
    try container.encode(sources.map(\.description), forKey: .sources)
    try container.encode(differences, forKey: .differences)
    try container.encode(ignored, forKey: .ignored)
    try container.encodeIfPresent(message, forKey: .message)
  }

  /// Reads what `encode(to:)` writes.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func address(_ text: String) throws -> ResourceAddress {
      guard let address = ResourceAddress(parsing: text) else {
        throw DecodingError.dataCorruptedError(
          forKey: .address, in: container, debugDescription: "'\(text)' is not KIND/NAME")
      }
      return address
    }
    self.address = try address(container.decode(String.self, forKey: .address))
    self.platform = try container.decode(String.self, forKey: .platform)
    self.status = try container.decode(Status.self, forKey: .status)
    self.liveID = try container.decodeIfPresent(String.self, forKey: .liveID)
    self.location = try container.decodeIfPresent(SourceLocation.self, forKey: .location)
    self.sources = try container.decode([String].self, forKey: .sources).map(address)
    self.differences = try container.decode([DriftDifference].self, forKey: .differences)
    self.ignored = try container.decode([DriftDifference].self, forKey: .ignored)
    self.message = try container.decodeIfPresent(String.self, forKey: .message)
  }
}

/// One field that differs between the live platform and the manifests.
public struct DriftDifference: Sendable, Hashable, Codable {
  /// The field's path (`tone`, `columns.price.type`, `access.orders`).
  public var field: String
  /// The live value; `nil` when the platform has no such field.
  public var live: Value?
  /// The declared value; `nil` when the manifests do not set it.
  public var declared: Value?
  /// Whether apply would have to replace the resource to restore the declared value.
  public var forcesReplacement: Bool
  /// What the difference means, when the provider can say.
  public var explanation: String?
  /// Why it is ignored (`lifecycle.ignoreChanges`); `nil` for differences that count.
  public var reason: String?

  /// Creates a difference.
  public init(
    field: String, live: Value?, declared: Value?, forcesReplacement: Bool = false,
    explanation: String? = nil, reason: String? = nil
  ) {
    self.field = field
    self.live = live
    self.declared = declared
    self.forcesReplacement = forcesReplacement
    self.explanation = explanation
    self.reason = reason
  }

  enum CodingKeys: String, CodingKey {
    case field, live, declared
    case forcesReplacement = "forces_replacement"
    case explanation, reason
  }
}
