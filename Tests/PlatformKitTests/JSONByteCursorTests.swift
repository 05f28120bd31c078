import Foundation
import PlatformKit
import Testing

/// The byte cursor the JSON readers share: each step takes what strict JSON allows and gives
/// up on anything else.
@Suite struct JSONByteCursorTests {
  /// What `parse` reads from the whole of `text`, or `nil` when it gives up.
  func read<T>(_ text: String, maxDepth: Int = 4, _ parse: (inout JSONByteCursor) throws -> T)
    -> T?
  {
    JSONByteCursor.read(Data(text.utf8), maxDepth: maxDepth, parse)
  }

  @Test(arguments: ["0", "-0", "12", "-3.25", "1e3", "2E-7", "0.5e+2"])
  func numbersAsJSONWritesThem(text: String) {
    let read = read(" \(text) \n") { cursor in
      _ = try cursor.peek()
      return try cursor.number()
    }
    #expect(read?.bytes == 1..<(1 + text.utf8.count))
    #expect(read?.integral == !text.contains { ".eE".contains($0) })
  }

  @Test(arguments: ["01", "-", "1.", ".5", "1e", "+1", "1x", "--1"])
  func anythingElseIsNoNumber(text: String) {
    #expect(read(text) { cursor in try cursor.number() } == nil)
  }

  @Test func literalsAreWholeWords() {
    #expect(read(" true") { cursor in try cursor.literal("true") } == true)
    #expect(read("null") { cursor in try cursor.literal("true") } == nil, "null is left unread")
    #expect(read("nullable") { cursor in try cursor.literal("null") } == nil)
  }

  @Test func punctuationAndStringsSkipWhitespace() {
    let pair = read(" [ \"a\\n\" ,\t\"b\" ] ") { cursor -> [String] in
      try cursor.expect(UInt8(ascii: "["))
      let first = try cursor.string()
      try cursor.expect(UInt8(ascii: ","))
      let second = try cursor.string()
      try cursor.expect(UInt8(ascii: "]"))
      return [first, second]
    }
    #expect(pair == ["a\n", "b"])
    #expect(read("[") { cursor in try cursor.expect(UInt8(ascii: "]")) } == nil)
  }

  @Test func nestingIsBounded() {
    func nest(_ depth: Int) -> Bool? {
      read("") { cursor in
        for _ in 0..<depth { try cursor.enter() }
        for _ in 0..<depth { cursor.leave() }
        return true
      }
    }
    #expect(nest(4) == true)
    #expect(nest(5) == nil)
  }

  @Test func keysCompareByTheirBytes() {
    let key = read("\"id\"") { cursor -> Bool in
      let holds = cursor.holds("id", in: 1..<3) && !cursor.holds("ids", in: 1..<3)
      _ = try cursor.string()
      return holds
    }
    #expect(key == true)
  }
}
