/// Bounds that keep hostile or broken input from exhausting memory or time.
public enum YAMLLimits {
  /// The largest manifest file read, in bytes (1 MiB).
  public static let maxFileBytes = 1 << 20
  /// The most nodes one document may expand to, counting every alias expansion.
  public static let maxNodesPerDocument = 100_000
  /// The deepest nesting of mappings and lists accepted.
  public static let maxDepth = 64
}
