/// Per-resource guards, from a document's top-level `lifecycle` block.
public struct Lifecycle: Sendable, Hashable, Codable {
  /// A live change the user expects and wants hidden from plan and drift.
  public struct IgnoredChange: Sendable, Hashable, Codable {
    /// The spec field, e.g. `theme` or `columns`.
    public var field: String
    /// Why it is ignored (required in manifests).
    public var reason: String

    /// Creates an ignored change.
    public init(field: String, reason: String) {
      self.field = field
      self.reason = reason
    }
  }

  /// Refuse any delete or replace of this resource.
  public var preventDestroy: Bool
  /// Allow operations on this resource that lose data (dropping or replacing a table).
  public var allowDataLoss: Bool
  /// Fields whose live differences are not changes.
  public var ignoreChanges: [IgnoredChange]
  /// Whether a change the platform cannot make in place may copy the resource's records over
  /// (a table's copy-migration) instead of replacing it; `false` turns migrations off.
  public var migrate: Bool

  /// Creates a lifecycle; the defaults guard nothing extra and ignore nothing.
  public init(
    preventDestroy: Bool = false, allowDataLoss: Bool = false, ignoreChanges: [IgnoredChange] = [],
    migrate: Bool = true
  ) {
    self.migrate = migrate
    self.preventDestroy = preventDestroy
    self.allowDataLoss = allowDataLoss
    self.ignoreChanges = ignoreChanges
  }

  enum CodingKeys: String, CodingKey {
    case preventDestroy, allowDataLoss, ignoreChanges, migrate
  }

  /// Decodes a lifecycle; `migrate` is `true` when absent (plans saved before it existed).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    preventDestroy = try container.decode(Bool.self, forKey: .preventDestroy)
    allowDataLoss = try container.decode(Bool.self, forKey: .allowDataLoss)
    ignoreChanges = try container.decode([IgnoredChange].self, forKey: .ignoreChanges)
    migrate = try container.decodeIfPresent(Bool.self, forKey: .migrate) ?? true
  }
}
