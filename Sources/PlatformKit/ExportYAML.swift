import Foundation
import HehoManifest

/// YAML scalars for exported manifests: plain where that is unambiguous, otherwise
/// double-quoted (JSON string syntax, which YAML's double-quoted style accepts).
public enum ExportYAML {
  static let plainCharacters = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _./:@+-")
  static let reservedWords: Set<String> = [
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
  ]

  /// `text` as a YAML scalar. `interpolated` fields get `${` written as `$${` so that the
  /// loader reads back the literal text.
  public static func scalar(_ text: String, interpolated: Bool = false) -> String {
    let value = interpolated ? text.replacingOccurrences(of: "${", with: "$${") : text
    return isPlainSafe(value) ? value : quoted(value)
  }

  /// `value` in YAML's flow style, on one line: `[web_search, "+15550100"]`, `1.2`, `true`.
  public static func flow(_ value: Value) -> String {
    switch value {
    case .string(let text): return scalar(text)
    case .array(let values): return "[" + values.map(flow).joined(separator: ", ") + "]"
    case .double(let number): return "\(number)"
    case .int(let number): return "\(number)"
    case .bool(let flag): return "\(flag)"
    case .object(let members):
      return "{ "
        + members.keys.sorted().map { "\(scalar($0)): \(flow(members[$0] ?? .null))" }
        .joined(separator: ", ") + " }"
    case .null: return "null"
    }
  }

  /// Whether `text` reads back as the same string when written plain.
  static func isPlainSafe(_ text: String) -> Bool {
    let relativePath = text.hasPrefix("./") || text.hasPrefix("../")
    guard let first = text.first, first.isLetter || first == "_" || relativePath, first.isASCII,
      let last = text.last, last != " ", last != ":",
      text.allSatisfy(plainCharacters.contains),
      !text.contains(": "), !text.contains(" #"),
      !reservedWords.contains(text.lowercased())
    else { return false }
    return true
  }

  /// A double-quoted scalar.
  static func quoted(_ text: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    guard let data = try? encoder.encode(text) else { return "\"\"" }
    return String(decoding: data, as: UTF8.self)
  }
}
