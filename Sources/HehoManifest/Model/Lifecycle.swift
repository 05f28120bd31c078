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

  /// Creates a lifecycle; the defaults guard nothing extra and ignore nothing.
  public init(
    preventDestroy: Bool = false, allowDataLoss: Bool = false, ignoreChanges: [IgnoredChange] = []
  ) {
    self.preventDestroy = preventDestroy
    self.allowDataLoss = allowDataLoss
    self.ignoreChanges = ignoreChanges
  }
}
