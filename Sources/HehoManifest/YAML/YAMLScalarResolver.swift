import Foundation

/// Types plain scalars with the YAML 1.2 core schema, as JSON Schema validators read YAML.
///
/// `yes`, `no`, `on` and `off` stay strings (unlike YAML 1.1), so `name: no` is not a boolean.
enum YAMLScalarResolver {
  private static let intPattern = regex("^[-+]?[0-9]+$")
  private static let octalPattern = regex("^0o[0-7]+$")
  private static let hexPattern = regex("^0x[0-9a-fA-F]+$")
  private static let floatPattern = regex("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$")

  /// The content of a scalar with its tag as Yams named it (empty for none: plain scalars are
  /// typed by the core schema, `!` means a string), or `nil` for a tag not supported here.
  ///
  /// - Parameter singleLine: Whether the scalar was written on one line, so that a plain one
  ///   cannot hold a line feed.
  static func content(of text: String, tag: String, plainStyle: Bool, singleLine: Bool = false)
    -> YAMLNode.Content?
  {
    if tag.isEmpty {
      let value = plainStyle ? resolvePlain(text) : .string(text)
      return .scalar(value, text: text, plain: plainStyle && (singleLine || isOneLine(text)))
    }
    if tag == "!" {
      return .scalar(.string(text), text: text, plain: false)
    }
    if let value = resolveTagged(text, tag: tag) {
      let plain =
        plainStyle && value == .string(text) && (singleLine || isOneLine(text))
      return .scalar(value, text: text, plain: plain)
    }
    return nil
  }

  /// Whether `text` has no line feed, as Foundation's `contains("\n")` has always answered
  /// here: it does not see a line feed that a combining mark follows, so only text with such a
  /// feed (a non-ASCII byte after it) is still asked to Foundation.
  static func isOneLine(_ text: String) -> Bool {
    var afterFeed = false
    var ambiguous = false
    for byte in text.utf8 {
      if afterFeed {
        if byte < 0x80 { return false }
        ambiguous = true
      }
      afterFeed = byte == 0x0A
    }
    if afterFeed { return false }
    return ambiguous ? !text.contains("\n") : true
  }

  /// The typed value of a plain scalar.
  static func resolvePlain(_ text: String) -> YAMLNode.Scalar {
    guard let first = text.utf8.first else { return .null }
    // The special words have at most 5 bytes: pack them into an integer to look them up.
    if text.utf8.count <= 5, let value = specialWords[pack(text)] { return value }
    // Every number starts with a digit, a sign or a dot: most scalars are words and need no
    // regular expression at all.
    switch first {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"),
      UInt8(ascii: "."):
      return resolveNumber(text)
    default:
      return .string(text)
    }
  }

  /// The words with a meaning of their own, their bytes packed into an integer.
  private static let specialWords: [UInt64: YAMLNode.Scalar] = {
    let words: [(String, YAMLNode.Scalar)] =
      ["~", "null", "Null", "NULL"].map { ($0, .null) }
      + ["true", "True", "TRUE"].map { ($0, .bool(true)) }
      + ["false", "False", "FALSE"].map { ($0, .bool(false)) }
      + [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].map { ($0, .double(.infinity)) }
      + ["-.inf", "-.Inf", "-.INF"].map { ($0, .double(-.infinity)) }
      + [".nan", ".NaN", ".NAN"].map { ($0, .double(.nan)) }
    var table: [UInt64: YAMLNode.Scalar] = [:]
    for (word, value) in words { table[pack(word)] = value }
    return table
  }()

  /// The bytes of a short text (up to 7 bytes) and its length, as one integer.
  private static func pack(_ text: String) -> UInt64 {
    text.utf8.reduce(0) { $0 << 8 | UInt64($1) } | UInt64(text.utf8.count) << 56
  }

  /// The typed value of a plain scalar that starts like a number.
  private static func resolveNumber(_ text: String) -> YAMLNode.Scalar {
    if matches(intPattern, text) {
      if let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) {
        return .int(value)
      }
      return .double(Double(text) ?? 0)
    }
    if matches(octalPattern, text), let value = Int(text.dropFirst(2), radix: 8) {
      return .int(value)
    }
    if matches(hexPattern, text), let value = Int(text.dropFirst(2), radix: 16) {
      return .int(value)
    }
    if matches(floatPattern, text), let value = Double(text) { return .double(value) }
    return .string(text)
  }

  /// The typed value of a scalar with an explicit standard tag (`!!str`, `!!int`, ...),
  /// or `nil` when the text does not fit the tag or the tag is not a standard one.
  static func resolveTagged(_ text: String, tag: String) -> YAMLNode.Scalar? {
    let prefix = "tag:yaml.org,2002:"
    guard tag.hasPrefix(prefix) else { return nil }
    let plain = resolvePlain(text)
    switch String(tag.dropFirst(prefix.count)) {
    case "str": return .string(text)
    case "null": return plain == .null ? .null : nil
    case "bool": if case .bool = plain { return plain } else { return nil }
    case "int": if case .int = plain { return plain } else { return nil }
    case "float":
      switch plain {
      case .int(let value): return .double(Double(value))
      case .double: return plain
      default: return nil
      }
    default: return nil
    }
  }

  private static func regex(_ pattern: String) -> NSRegularExpression? {
    try? NSRegularExpression(pattern: pattern)
  }

  private static func matches(_ regex: NSRegularExpression?, _ text: String) -> Bool {
    guard let regex else { return false }
    let range = NSRange(text.startIndex..., in: text)
    return regex.firstMatch(in: text, range: range) != nil
  }
}
