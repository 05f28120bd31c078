import Foundation

/// Types plain scalars with the YAML 1.2 core schema, as JSON Schema validators read YAML.
///
/// `yes`, `no`, `on` and `off` stay strings (unlike YAML 1.1), so `name: no` is not a boolean.
enum YAMLScalarResolver {
  private static let intPattern = regex("^[-+]?[0-9]+$")
  private static let octalPattern = regex("^0o[0-7]+$")
  private static let hexPattern = regex("^0x[0-9a-fA-F]+$")
  private static let floatPattern = regex("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$")

  /// The typed value of a plain scalar.
  static func resolvePlain(_ text: String) -> YAMLNode.Scalar {
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
    case ".nan", ".NaN", ".NAN": return .double(.nan)
    default: break
    }
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
