import HehoManifest

/// One record of a data kind (a row of a table), normalized for diffing.
public struct Record: Sendable, Hashable, Codable {
  /// The record's key within its set: the canonical text of its key field's value (`7`,
  /// `ada@example.com`).
  public var key: String
  /// Normalized fields, the key field among them.
  public var fields: [String: Value]
  /// For a live record: what the platform identifies it by in writes (a row's primary-key
  /// value), when that is not the key.
  public var id: Value?

  /// Creates a record.
  public init(key: String, fields: [String: Value], id: Value? = nil) {
    self.key = key
    self.fields = fields
    self.id = id
  }
}
