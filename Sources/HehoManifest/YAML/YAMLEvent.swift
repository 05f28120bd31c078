/// One libyaml parsing event, copied out of the C structure.
enum YAMLEvent {
  /// A 1-based position in the text, as libyaml counts it (columns in Unicode scalars).
  struct Mark: Sendable, Equatable {
    var line: Int
    var column: Int
  }

  /// A scalar as written: its text, its tag, its style and its anchor.
  struct Scalar {
    var text: String
    /// The tag as Yams named it: empty for none, `tag:yaml.org,2002:str` for untagged quoted
    /// and block scalars, `!` for the non-specific tag, else the expanded tag.
    var tag: String
    /// Whether the scalar was written plain (unquoted, not a block scalar).
    var plainStyle: Bool
    /// Whether the scalar was written on one line (then a plain one has no line feed).
    var singleLine: Bool
    var anchor: String?
    var mark: Mark
  }

  case streamStart
  case streamEnd
  case documentStart
  case documentEnd
  case alias(anchor: String, mark: Mark)
  case scalar(Scalar)
  case sequenceStart(anchor: String?, mark: Mark)
  case sequenceEnd
  case mappingStart(anchor: String?, mark: Mark)
  case mappingEnd
}
