/// Where one record of a data file (or of inline `rows`) was written, and each of its fields.
public struct RecordLocation: Sendable, Hashable {
  /// Where the record starts (a CSV row's line, a YAML list item).
  public var start: SourceLocation
  /// Where each field's value was written, by field name.
  public var fields: [String: SourceLocation]

  /// Creates a record location.
  public init(start: SourceLocation, fields: [String: SourceLocation] = [:]) {
    self.start = start
    self.fields = fields
  }

  /// Where `field`'s value was written, else where the record starts.
  public func location(of field: String) -> SourceLocation {
    fields[field] ?? start
  }
}
