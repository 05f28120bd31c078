import HehoManifest

/// The outcome of planning: ordered operations, what blocks them, and what it cost.
///
/// `Codable` as the saved-plan and `--output json` format (`format_version` "2").
public struct Plan: Sendable, Hashable, Codable {
  /// Counts of operations by action.
  public struct Summary: Sendable, Hashable, Codable {
    public var connect = 0
    public var create = 0
    public var update = 0
    public var replace = 0
    public var migrate = 0
    public var delete = 0
    public var noop = 0

    /// Creates a summary of `operations`.
    public init(_ operations: [PlannedOperation] = []) {
      for operation in operations {
        switch operation.action {
        case .connect: connect += 1
        case .create: create += 1
        case .update: update += 1
        case .replace: replace += 1
        case .migrate: migrate += 1
        case .delete: delete += 1
        case .noop: noop += 1
        }
      }
    }

    /// Whether anything would be written.
    public var hasChanges: Bool { connect + create + update + replace + migrate + delete > 0 }

    enum CodingKeys: String, CodingKey {
      case connect, create, update, replace, migrate, delete
      case noop = "no_op"
    }

    /// Decodes counts; `migrate` is 0 when absent (plans saved before migrations).
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      connect = try container.decode(Int.self, forKey: .connect)
      create = try container.decode(Int.self, forKey: .create)
      update = try container.decode(Int.self, forKey: .update)
      replace = try container.decode(Int.self, forKey: .replace)
      migrate = try container.decodeIfPresent(Int.self, forKey: .migrate) ?? 0
      delete = try container.decode(Int.self, forKey: .delete)
      noop = try container.decode(Int.self, forKey: .noop)
    }
  }

  /// What the plan cost and will cost in API requests.
  public struct APICost: Sendable, Hashable, Codable {
    /// Read requests made while planning.
    public var readsMade: Int
    /// Write requests apply will make (a replace counts two).
    public var writesPlanned: Int

    /// Creates an API cost.
    public init(readsMade: Int, writesPlanned: Int) {
      self.readsMade = readsMade
      self.writesPlanned = writesPlanned
    }

    enum CodingKeys: String, CodingKey {
      case readsMade = "reads_made"
      case writesPlanned = "writes_planned"
    }
  }

  /// The format's version.
  public var formatVersion: String
  /// The platforms planned against, by name, each with its endpoint.
  public var platforms: [PlatformEndpoint]
  /// The project's name.
  public var project: String
  /// The environment selected, if any.
  public var environment: String?
  /// FNV-1a-64 (hex) of the normalized live state the plan was computed from.
  public var fingerprint: String
  /// Operations in apply order, no-ops included.
  public var operations: [PlannedOperation]
  /// Live resources no manifest names.
  public var unmanaged: [UnmanagedResource]
  /// Reasons the plan cannot be applied; empty when it can.
  public var problems: [PlanProblem]
  /// Notes shown once (e.g. fields that cannot be checked).
  public var notes: [String]
  /// Counts by action.
  public var summary: Summary
  /// API requests made and planned.
  public var api: APICost

  /// Creates a plan.
  public init(
    platforms: [PlatformEndpoint], project: String, environment: String? = nil,
    fingerprint: String,
    operations: [PlannedOperation], unmanaged: [UnmanagedResource] = [],
    problems: [PlanProblem] = [], notes: [String] = [], readsMade: Int
  ) {
    self.formatVersion = Plan.currentFormatVersion
    self.platforms = platforms.sorted()
    self.project = project
    self.environment = environment
    self.fingerprint = fingerprint
    self.operations = operations
    self.unmanaged = unmanaged
    self.problems = problems
    self.notes = notes
    self.summary = Summary(operations)
    self.api = APICost(
      readsMade: readsMade, writesPlanned: operations.reduce(0) { $0 + $1.writeCount })
  }

  /// The format version this build writes and reads.
  public static let currentFormatVersion = "2"

  /// Operations that write something.
  public var changes: [PlannedOperation] { operations.filter { $0.action != .noop } }

  /// Whether apply may run it.
  public var isApplicable: Bool { problems.isEmpty }

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case platforms, project, environment, fingerprint, operations, unmanaged, problems, notes
    case summary, api
  }
}
