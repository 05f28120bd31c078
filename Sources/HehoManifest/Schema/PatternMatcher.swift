import Foundation
import Synchronization

/// Matches strings against the anchored patterns of `FieldSchema`.
///
/// Patterns are few and fixed while values are many, so each pattern is compiled once and
/// kept: compiling an ICU regular expression costs far more than matching one. Short values
/// repeat (column types above all), so their answers are remembered too, a bounded number per
/// pattern.
enum PatternMatcher {
  private struct Entry {
    var regex: NSRegularExpression?
    var answers: [String: Bool] = [:]
  }

  private static let entries = Mutex<[String: Entry]>([:])
  private static let maxRemembered = 4096
  private static let maxRememberedLength = 64

  /// Whether `text` matches `pattern` (which carries its own `^…$` anchors).
  static func matches(_ text: String, pattern: String, caseInsensitive: Bool = false) -> Bool {
    if !caseInsensitive, let simple = SimplePattern(pattern) { return simple.matches(text) }
    let key = (caseInsensitive ? "i:" : "s:") + pattern
    let (regex, known) = entries.withLock { entries in
      if let entry = entries[key] { return (entry.regex, entry.answers[text]) }
      let options: NSRegularExpression.Options = caseInsensitive ? [.caseInsensitive] : []
      let regex = try? NSRegularExpression(pattern: pattern, options: options)
      entries[key] = Entry(regex: regex)
      return (regex, nil)
    }
    if let known { return known }
    guard let regex else { return false }
    let answer = matchesToTheEnd(regex, text, pattern: pattern)
    if text.utf8.count <= maxRememberedLength {
      entries.withLock { entries in
        if let count = entries[key]?.answers.count, count < maxRemembered {
          entries[key]?.answers[text] = answer
        }
      }
    }
    return answer
  }

  /// Whether `regex` matches `text`, where a final `$` means the end of the text. ICU's `$` also
  /// matches before a final line break (`"orders\n"` would pass `^[a-z]+$`); the ECMA-262
  /// patterns of JSON Schema do not (validators built on Python's `re` do), nor does the loader.
  static func matchesToTheEnd(_ regex: NSRegularExpression, _ text: String, pattern: String)
    -> Bool
  {
    let range = NSRange(text.startIndex..., in: text)
    guard let match = regex.firstMatch(in: text, range: range) else { return false }
    return !pattern.hasSuffix("$") || NSMaxRange(match.range) == NSMaxRange(range)
  }
}
