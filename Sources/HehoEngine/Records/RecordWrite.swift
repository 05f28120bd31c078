import HehoManifest

/// One record write of an apply: the record's change and where the records are kept.
public struct RecordWrite: Sendable, Hashable, Codable {
  /// Where the records are kept and how they are identified.
  public var source: RecordSource
  /// The change to make.
  public var change: RecordChange

  /// Creates a record write.
  public init(source: RecordSource, change: RecordChange) {
    self.source = source
    self.change = change
  }
}
