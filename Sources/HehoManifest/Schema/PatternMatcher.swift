import Foundation

/// Matches strings against the anchored patterns of `FieldSchema`.
enum PatternMatcher {
  /// Whether `text` matches `pattern` (which carries its own `^…$` anchors).
  static func matches(_ text: String, pattern: String, caseInsensitive: Bool = false) -> Bool {
    let options: NSRegularExpression.Options = caseInsensitive ? [.caseInsensitive] : []
    guard let regex = try? NSRegularExpression(pattern: pattern, options: options) else {
      return false
    }
    let range = NSRange(text.startIndex..., in: text)
    return regex.firstMatch(in: text, range: range) != nil
  }
}
