import Foundation

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
