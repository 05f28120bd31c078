import Foundation
import HehoManifest
import PlatformKit
import Testing

@Suite("JSONValueReader reads strict JSON into values, and nothing else")
struct JSONValueReaderTests {
  func read(_ text: String) -> Value? { JSONValueReader.value(of: Data(text.utf8)) }

  @Test func valuesOfEveryType() {
    let value = read(
      #" {"a": [1, -2, 3.5, 1e3, 12345678901234567890], "b": {"c": null, "d": true, "e": false},"#
        + #" "s": "x\"y\\z\/\n\t\u00e9\ud83d\ude00 ☕", "empty": "", "o": {}, "l": []} "#)
    #expect(
      value
        == .object([
          "a": .array([.int(1), .int(-2), .double(3.5), .int(1000), .double(12345678901234567890)]),
          "b": .object(["c": .null, "d": .bool(true), "e": .bool(false)]),
          "s": .string("x\"y\\z/\n\té😀 ☕"), "empty": .string(""), "o": .object([:]),
          "l": .array([]),
        ]))
  }

  @Test(arguments: [
    "", "{", "[1,]", "{\"a\":1,}", "01", "-", "1.", ".5", "1e", "tru", "nul", "\"open",
    "\"tab\there\"", "\"\\x\"", "\"\\ud83d\"", "{a: 1}", "[1] [2]", "NaN", "'s'",
    String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
  ])
  func anythingElseIsNil(text: String) {
    #expect(read(text) == nil, "\(text)")
  }

  @Test func badUTF8IsNil() {
    #expect(JSONValueReader.value(of: Data([0x22, 0xFF, 0x22])) == nil)
  }

  @Test func agreesWithJSONDecoderOnARowsBody() throws {
    var rows: [String] = []
    for index in 0..<200 {
      rows.append(
        #"{"id": \#(index), "name": "n\#(index) \"q\"", "price": \#(Double(index) / 4), "#
          + #""ok": \#(index % 2 == 0), "at": null}"#)
    }
    let body = Data(("{\"data\": [" + rows.joined(separator: ",") + "], \"count\": 200}").utf8)
    #expect(JSONValueReader.value(of: body) == (try JSONDecoder().decode(Value.self, from: body)))
  }
}
