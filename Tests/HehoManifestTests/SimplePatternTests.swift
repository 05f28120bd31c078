import Foundation
import Testing

@testable import HehoManifest

@Suite struct SimplePatternTests {
  static let patterns = [
    "^[A-Za-z0-9_]+$", "^[^\\x00-\\x1F\\x7F]+$", "^[a-z0-9._-]+$", "^[A-Za-z_][A-Za-z0-9_]*$",
    "^[-a-c]+$", "^[\\.\\-x]+$",
  ]

  /// Letters that stress the classes: edges of ranges, punctuation, controls, non-ASCII.
  static let alphabet: [String] = [
    "a", "z", "A", "Z", "0", "9", "_", "-", ".", " ", "\t", "\u{7F}", "\u{1F}", "\u{0}", "é",
    "e\u{301}", "😀", "\u{85}", "\n", "\r", "[", "]", "^", "`", "{", "@", "/", ":",
  ]

  @Test(arguments: patterns)
  func agreesWithTheRegularExpression(pattern: String) throws {
    let simple = try #require(SimplePattern(pattern))
    let regex = try NSRegularExpression(pattern: pattern)
    var generator = SystemRandomNumberGenerator()
    var texts = [""] + Self.alphabet
    for _ in 0..<3_000 {
      let length = Int.random(in: 1...6, using: &generator)
      texts.append(
        (0..<length).map { _ in Self.alphabet.randomElement(using: &generator) ?? "" }.joined())
    }
    for text in texts {
      let expected = PatternMatcher.matchesToTheEnd(regex, text, pattern: pattern)
      #expect(simple.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
    }
  }

  @Test(arguments: ["^[a-z]+$", "^https?://[a-z]+$"])
  func aTrailingLineBreakIsNotAMatchAsInTheJSONSchemas(pattern: String) {
    let url = pattern.contains("http")
    #expect(PatternMatcher.matches(url ? "http://orders" : "orders", pattern: pattern))
    for ending in ["\n", "\r\n", "\u{85}", "\u{2028}"] {
      #expect(
        !PatternMatcher.matches((url ? "http://orders" : "orders") + ending, pattern: pattern))
    }
    #expect(PatternMatcher.matches(" x ", pattern: "\\S"))
  }

  @Test(arguments: [
    "^[a-z]+", "[a-z]+$", "^[a-z]$", "^[a-z]+[0-9]+$", "\\S", "^(a|b)+$", "^[[:alpha:]]+$",
    "^[a-z]{2}$", "^[\\d]+$",
  ])
  func otherShapesAreLeftToTheRegularExpression(pattern: String) {
    #expect(SimplePattern(pattern) == nil)
  }
}
