/// Where each field of a document was written, by path from the document root
/// (`spec.columns[1].type`).
///
/// Every field of every document is recorded, while positions are looked up only for a
/// message: so a field is recorded as one step below the field that holds it (a key or an
/// index, no path text built and nothing hashed), and paths are spelled out only when looked
/// up. As in a dictionary, the last entry for a path is the one found.
struct FieldLocations: Sendable, Hashable, Codable {
  /// How a field is reached from the field that holds it.
  enum Step: Sendable, Hashable, Codable {
    /// The document itself (path `""`).
    case root
    /// A member of a mapping: `.key` (or `key` below the root).
    case key(String)
    /// An item of a list: `[index]`.
    case index(Int)
    /// A whole path, recorded by path rather than walked to.
    case path(String)
  }

  /// One recorded field.
  struct Entry: Sendable, Hashable, Codable {
    /// The entry of the field that holds it; `-1` at the top.
    var parent: Int
    var step: Step
    /// `nil` once replaced or removed.
    var location: FieldLocation?
  }

  /// The fields in the order they were recorded: a field's holder before the field.
  private(set) var entries: [Entry] = []

  /// Creates an empty table.
  init() {}

  /// Records the field reached by `step` from entry `parent` (`-1` for none) and returns its
  /// entry, the parent of the fields below it.
  @discardableResult
  mutating func append(parent: Int, _ step: Step, _ location: FieldLocation) -> Int {
    entries.append(Entry(parent: parent, step: step, location: location))
    return entries.count - 1
  }

  /// The path of entry `index`, spelled out.
  func path(of index: Int) -> String {
    let entry = entries[index]
    let above = entry.parent >= 0 ? path(of: entry.parent) : ""
    return Self.path(entry.step, below: above)
  }

  private static func path(_ step: Step, below above: String) -> String {
    switch step {
    case .root: return above
    case .key(let key): return above.isEmpty ? key : above + "." + key
    case .index(let index): return above + "[" + String(index) + "]"
    case .path(let path): return path
    }
  }

  /// The index of the live entry recorded last for `path`.
  private func lastIndex(of path: String) -> Int? {
    for index in entries.indices.reversed() where entries[index].location != nil {
      // Most entries are ruled out by their own step, before their path is spelled out.
      switch entries[index].step {
      case .root: if !path.isEmpty { continue }
      case .key(let key): if !path.hasSuffix(key) { continue }
      case .index: if !path.hasSuffix("]") { continue }
      case .path(let whole): if whole != path { continue }
      }
      if self.path(of: index) == path { return index }
    }
    return nil
  }

  /// The location recorded last for `path`; setting one replaces every earlier entry.
  subscript(path: String) -> FieldLocation? {
    get { lastIndex(of: path).flatMap { entries[$0].location } }
    set {
      while let index = lastIndex(of: path) { entries[index].location = nil }
      if let newValue { entries.append(Entry(parent: -1, step: .path(path), location: newValue)) }
    }
  }

  /// Removes every entry for `path`, returning the last.
  mutating func removeValue(forKey path: String) -> FieldLocation? {
    defer { self[path] = nil }
    return self[path]
  }

  /// The spec's fields by spec-relative path (`columns[1].type`), each at its key (else its
  /// value).
  var specFields: [String: SourceLocation] {
    var paths: [String] = []
    paths.reserveCapacity(entries.count)
    var result: [String: SourceLocation] = [:]
    for entry in entries {
      let path = Self.path(entry.step, below: entry.parent >= 0 ? paths[entry.parent] : "")
      paths.append(path)
      if let location = entry.location, path.hasPrefix("spec.") {
        result[String(path.dropFirst(5))] = location.keyOrValue
      }
    }
    return result
  }
}
