import HehoManifest

/// What differs between the manifests and the live platform, in three classes — modified,
/// missing and unmanaged — plus conflicts, with the resources that are in sync.
///
/// Built from a `Plan` (`DriftReport(plan:state:)`), so drift is normalized exactly as plan is.
/// `Codable` as the `--output json` format (`format_version` "2", `schemas/drift.schema.json`).
public struct DriftReport: Sendable, Hashable, Codable {
  /// Counts by class.
  public struct Summary: Sendable, Hashable, Codable {
    /// Declared resources compared (in sync, modified, missing and declared conflicts).
    public var managed = 0
    public var inSync = 0
    public var modified = 0
    public var missing = 0
    public var unmanaged = 0
    public var conflicts = 0
    /// Differences hidden by `lifecycle.ignoreChanges`, over all resources.
    public var ignored = 0

    /// Creates the summary of `entries`.
    public init(_ entries: [DriftEntry] = []) {
      for entry in entries {
        switch entry.status {
        case .inSync: inSync += 1
        case .modified: modified += 1
        case .missing: missing += 1
        case .unmanaged: unmanaged += 1
        case .conflict: conflicts += 1
        }
        if entry.status != .unmanaged && (entry.status != .conflict || entry.location != nil) {
          managed += 1
        }
        ignored += entry.ignored.count
      }
    }

    /// Resources that drifted, of any class.
    public var drifted: Int { modified + missing + unmanaged + conflicts }

    enum CodingKeys: String, CodingKey {
      case managed
      case inSync = "in_sync"
      case modified, missing, unmanaged, conflicts, ignored
    }
  }

  /// The format's version.
  public var formatVersion: String
  /// The platforms compared against, each with its endpoint.
  public var platforms: [PlatformEndpoint]
  /// The project's name.
  public var project: String
  /// The environment selected, if any.
  public var environment: String?
  /// Whether anything drifted (the command then exits 2).
  public var hasDrift: Bool
  /// Counts by class.
  public var summary: Summary
  /// Declared resources whose live fields differ.
  public var modified: [DriftEntry]
  /// Declared resources absent from the platform.
  public var missing: [DriftEntry]
  /// Live resources no manifest declares.
  public var unmanaged: [DriftEntry]
  /// Names the platform holds more than once.
  public var conflicts: [DriftEntry]
  /// Declared resources that match (possibly with ignored differences).
  public var inSync: [DriftEntry]
  /// Notes from planning (e.g. fields the platform cannot report back).
  public var notes: [String]

  /// The format version this build writes.
  public static let currentFormatVersion = "2"

  /// Creates a report from its entries, sorting each class by address.
  public init(
    platforms: [PlatformEndpoint], project: String, environment: String? = nil,
    entries: [DriftEntry],
    notes: [String] = []
  ) {
    func select(_ status: DriftEntry.Status) -> [DriftEntry] {
      entries.filter { $0.status == status }.sorted { $0.address < $1.address }
    }
    self.formatVersion = Self.currentFormatVersion
    self.platforms = platforms.sorted()
    self.project = project
    self.environment = environment
    self.modified = select(.modified)
    self.missing = select(.missing)
    self.unmanaged = select(.unmanaged)
    self.conflicts = select(.conflict)
    self.inSync = select(.inSync)
    self.notes = notes
    self.summary = Summary(entries)
    self.hasDrift = summary.drifted > 0
  }

  /// Every entry: drifted classes first, then those in sync, each sorted by address.
  public var entries: [DriftEntry] { modified + missing + unmanaged + conflicts + inSync }

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case platforms, project, environment
    case hasDrift = "drift"
    case summary, modified, missing, unmanaged, conflicts
    case inSync = "in_sync"
    case notes
  }
}
