import Foundation
import Synchronization

/// Matches strings against the anchored patterns of `FieldSchema`.
///
/// Patterns are few and fixed while values are many, so each pattern is compiled once and
/// kept: compiling an ICU regular expression costs far more than matching one.
enum PatternMatcher {
  private static let compiled = Mutex<[String: NSRegularExpression]>([:])

  /// Whether `text` matches `pattern` (which carries its own `^…$` anchors).
  static func matches(_ text: String, pattern: String, caseInsensitive: Bool = false) -> Bool {
    guard let regex = expression(pattern, caseInsensitive: caseInsensitive) else { return false }
    let range = NSRange(text.startIndex..., in: text)
    return regex.firstMatch(in: text, range: range) != nil
  }

  private static func expression(_ pattern: String, caseInsensitive: Bool) -> NSRegularExpression? {
    let key = (caseInsensitive ? "i:" : "s:") + pattern
    return compiled.withLock { cache in
      if let regex = cache[key] { return regex }
      let options: NSRegularExpression.Options = caseInsensitive ? [.caseInsensitive] : []
      guard let regex = try? NSRegularExpression(pattern: pattern, options: options) else {
        return nil
      }
      cache[key] = regex
      return regex
    }
  }
}
