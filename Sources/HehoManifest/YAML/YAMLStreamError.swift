/// Why the rest of a file cannot be read: documents before it are kept, nothing after it.
enum YAMLStreamError: Error {
  /// What libyaml reported, as it reported it.
  struct Problem: Sendable {
    /// The stage of libyaml that failed.
    enum Stage: Sendable {
      case memory
      case reader
      case scanner
      case parser
      case composer
      case unknown
    }

    /// What libyaml was parsing, and where that started.
    struct Context: Sendable {
      var text: String
      var mark: YAMLEvent.Mark
    }

    var stage: Stage
    var problem: String
    var mark: YAMLEvent.Mark
    var context: Context?
    /// For reader errors: the offset of the offending byte in the UTF-8 text.
    var offset: Int
  }

  /// A libyaml error (syntax, unreadable text, exhausted memory).
  case problem(Problem)
  /// An alias of an anchor not defined before it.
  case undefinedAlias(mark: YAMLEvent.Mark)
  /// Two equal keys in one mapping: the smallest such key and its first position.
  case duplicateKey(String, first: YAMLEvent.Mark)
  /// An alias used as a mapping key, which would make key comparison explode.
  case aliasKey(String, mark: YAMLEvent.Mark)
}
