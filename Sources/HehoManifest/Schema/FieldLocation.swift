/// Where a field was written: its key (a mapping key or a list item's dash), when it has one,
/// and its value.
struct FieldLocation: Sendable, Hashable, Codable {
  /// The key's position; `nil` for the document root.
  var key: SourceLocation?
  /// The value's position.
  var value: SourceLocation

  /// The key's position, else the value's.
  var keyOrValue: SourceLocation { key ?? value }
}
