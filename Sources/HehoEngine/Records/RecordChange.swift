import HehoManifest

/// What the plan will do to one record of a data kind's resource.
public struct RecordChange: Sendable, Hashable, Codable {
  /// The kind of change.
  public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
    case add, edit, delete
  }

  /// The change.
  public var action: Action
  /// The record's key (canonical text).
  public var key: String
  /// The key field's value, as sent (adds look a record up by it after an unknown outcome).
  public var keyValue: Value
  /// What the platform identifies the live record by in writes (edits and deletes).
  public var id: Value?
  /// Field-level changes: the changed ones for an edit, every live field (as `before`) for a
  /// delete; none for an add, whose fields are its `payload` (which a plan of many rows would
  /// otherwise hold twice).
  public var changes: [FieldChange]
  /// What an add or edit sends: the whole record for an add, the changed fields for an edit.
  public var payload: [String: Value]?

  /// Creates a record change.
  public init(
    action: Action, key: String, keyValue: Value, id: Value? = nil, changes: [FieldChange] = [],
    payload: [String: Value]? = nil
  ) {
    self.action = action
    self.key = key
    self.keyValue = keyValue
    self.id = id
    self.changes = changes
    self.payload = payload
  }

  enum CodingKeys: String, CodingKey {
    case action, key
    case keyValue = "key_value"
    case id, changes, payload
  }
}
