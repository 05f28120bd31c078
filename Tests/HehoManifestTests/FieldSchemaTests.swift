import Testing

@testable import HehoManifest

@Suite struct FieldSchemaTests {
  @Test func aCopyChangedLeavesTheOriginalAsItWas() {
    let original = FieldSchema(.string, label: "name", pattern: "^[a-z]+$", maxLength: 3)
    var copy = original
    copy.label = "title"
    copy.pattern = "^[0-9]+$"
    copy.maxLength = nil
    #expect(original.label == "name")
    #expect(original.pattern == "^[a-z]+$")
    #expect(original.maxLength == 3)
    #expect(copy.label == "title")
    #expect(copy.maxLength == nil)
    // The compiled pattern follows the pattern it was compiled from.
    #expect(original.simplePattern?.matches("abc") == true)
    #expect(copy.simplePattern?.matches("abc") == false)
    #expect(copy.simplePattern?.matches("123") == true)
  }

  @Test func aCaseInsensitiveOrComplexPatternIsNotCompiledToTheSimpleForm() {
    #expect(FieldSchema(.string, pattern: "^[a-z]+$", caseInsensitive: true).simplePattern == nil)
    #expect(FieldSchema(.string, pattern: "^https?://[a-z]+$").simplePattern == nil)
    #expect(FieldSchema(.string).hasValueChecks == false)
    #expect(FieldSchema(.string, minLength: 1).hasValueChecks)
  }

  /// Lengths are Unicode scalars: the byte count settles a bound only when it must.
  @Test(
    arguments: [
      ("", 1, 3, "is 0 characters long; it must be at least 1"),
      ("abc", 1, 3, nil),
      ("abcd", 1, 3, "is 4 characters long; it must be at most 3"),
      ("ééé", 1, 3, nil),  // 6 bytes, 3 scalars
      ("😀", 2, 9, "is 1 characters long; it must be at least 2"),  // 4 bytes, 1 scalar
      ("😀😀", 2, 2, nil),  // 8 bytes, 2 scalars
    ] as [(String, Int, Int, String?)])
  func lengthBoundsCountUnicodeScalars(text: String, min: Int, max: Int, problem: String?) {
    let schema = FieldSchema(.string, label: "name", minLength: min, maxLength: max)
    var checker = ValueChecker(
      locations: FieldLocations(), fallback: SourceLocation(file: "f.yaml", line: 1, column: 1),
      resolvedTexts: [:])
    checker.check(.string(text), schema, path: "name")
    #expect(checker.diagnostics.first?.message.contains(problem ?? "") ?? (problem == nil))
    #expect(checker.diagnostics.count == (problem == nil ? 0 : 1))
  }
}
