import Foundation
import PlatformRegistry
import Testing

@testable import HeHoLocalServer
@testable import LocalServerKit

/// The list responses' fast writer gives exactly the bytes of `JSONResponse`'s encoder.
@Suite struct JSONWriterTests {
  static let awkward = [
    "", "plain", "quote \" and backslash \\ and slash /", "line\nbreak\r\ttab",
    "\u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}\u{7f}", "émoji 🎉 and 中文", "\u{2028}\u{2029}",
  ]

  static func encoded(_ value: some Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(value))
  }

  static func written(_ value: some JSONWritable) -> [UInt8] {
    var writer = JSONWriter()
    value.write(to: &writer)
    return writer.bytes
  }

  struct Wrapped<Element: Encodable>: Encodable {
    var chatbots: [Element]?
    var tables: [Element]?
  }

  @Test(arguments: awkward)
  func chatbotListMatchesTheEncoder(text: String) throws {
    let bots = [
      Chatbot(
        id: "id-\(text)", name: text, goal: "Support", description: text, model: "m/\(text)",
        tone: "friendly", theme: "sky",
        dataTables: [
          .init(name: "orders", read: true, write: false, edit: true), .init(name: nil),
          .init(name: text, read: false, write: true, edit: false),
        ], createdAt: "2026-11-22T00:00:00Z")
    ]
    #expect(
      Self.written(JSONList(key: "chatbots", elements: bots))
        == (try Self.encoded(Wrapped(chatbots: bots, tables: nil))))
    #expect(
      Self.written(JSONList(key: "chatbots", elements: [Chatbot]()))
        == Array(#"{"chatbots":[]}"#.utf8))
  }

  @Test(arguments: awkward)
  func tableListMatchesTheEncoder(text: String) throws {
    let tables = [
      TableDescription(
        tableName: text,
        columns: [
          ColumnDescription(columnName: "id", dataType: "uuid", required: true),
          ColumnDescription(columnName: text, dataType: "text", required: false),
        ]),
      TableDescription(tableName: "empty", columns: []),
    ]
    #expect(
      Self.written(JSONList(key: "tables", elements: tables))
        == (try Self.encoded(Wrapped(chatbots: nil, tables: tables))))
  }
}
