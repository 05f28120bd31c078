/// A YAML node with its position: the loader's own tree, built from libyaml's events.
///
/// Scalars are typed with the YAML 1.2 core schema (`yes` stays a string), keys are strings,
/// and aliases are already expanded (within a budget).
struct YAMLNode: Sendable {
  /// A typed scalar.
  enum Scalar: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
  }

  /// One `key: value` pair of a mapping.
  struct Entry: Sendable {
    var key: String
    var keyLocation: SourceLocation
    var value: YAMLNode
  }

  /// What the node holds.
  indirect enum Content: Sendable {
    /// A scalar, its text as written, and whether it was written plain (unquoted, on one line).
    case scalar(Scalar, text: String, plain: Bool)
    case sequence([YAMLNode])
    case mapping([Entry])
  }

  var content: Content
  var location: SourceLocation

  /// The entries, if this is a mapping.
  var entries: [Entry]? {
    if case .mapping(let entries) = content { return entries }
    return nil
  }

  /// The value of `key`, if this is a mapping that has it.
  func entry(_ key: String) -> Entry? {
    entries?.first { $0.key == key }
  }

  /// The string, if this is a string scalar.
  var string: String? {
    if case .scalar(.string(let value), _, _) = content { return value }
    return nil
  }

  /// Whether this is the empty (null) scalar of an empty document.
  var isNull: Bool {
    if case .scalar(.null, _, _) = content { return true }
    return false
  }

  /// A short name of the node's type, for messages (`a string`, `a list`).
  var typeDescription: String {
    switch content {
    case .scalar(.null, _, _): return "null"
    case .scalar(.bool, _, _): return "a boolean"
    case .scalar(.int, _, _): return "an integer"
    case .scalar(.double, _, _): return "a number"
    case .scalar(.string, _, _): return "a string"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    }
  }
}
