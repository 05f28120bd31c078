/// Where each field of a document was written, by path from the document root
/// (`spec.columns[1].type`).
///
/// A list, appended to as the validator walks a document: every field of every document is
/// recorded, while positions are looked up only for a message, so recording costs no hashing.
/// As in a dictionary, the last entry for a path is the one found.
struct FieldLocations: Sendable, Hashable, Codable {
  /// One recorded field.
  struct Entry: Sendable, Hashable, Codable {
    var path: String
    var location: FieldLocation
  }

  /// The fields in the order they were recorded.
  private(set) var entries: [Entry] = []

  /// Creates an empty table.
  init() {}

  /// The location recorded last for `path`; setting one replaces every earlier entry.
  subscript(path: String) -> FieldLocation? {
    get { entries.last { $0.path == path }?.location }
    set {
      entries.removeAll { $0.path == path }
      if let newValue { entries.append(Entry(path: path, location: newValue)) }
    }
  }

  /// Records `location` for `path`, which the caller knows is not recorded yet.
  mutating func append(_ path: String, _ location: FieldLocation) {
    entries.append(Entry(path: path, location: location))
  }

  /// Removes every entry for `path`, returning the last.
  mutating func removeValue(forKey path: String) -> FieldLocation? {
    defer { entries.removeAll { $0.path == path } }
    return self[path]
  }

  /// The spec's fields by spec-relative path (`columns[1].type`), each at its key (else its
  /// value).
  var specFields: [String: SourceLocation] {
    var result: [String: SourceLocation] = [:]
    for entry in entries where entry.path.hasPrefix("spec.") {
      result[String(entry.path.dropFirst(5))] = entry.location.keyOrValue
    }
    return result
  }
}
