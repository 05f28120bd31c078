import Foundation
import HehoManifest

/// Reads strict JSON (RFC 8259) straight from its bytes into `Value`s: several times faster on
/// Linux than `JSONDecoder` with `Value`'s `Decodable`, which tries each type in turn. Used for
/// large bodies (a table's rows); anything it does not accept answers `nil`, so a caller can
/// fall back to `JSONDecoder` and its errors.
///
/// Whole numbers that fit an `Int` are `.int` (`1.0` too, as `Value`'s `Decodable` reads
/// them), others `.double`; nesting is bounded.
public struct JSONValueReader {
  private var cursor: JSONByteCursor

  /// The deepest nesting read.
  public static let maxDepth = 256

  private init(_ cursor: JSONByteCursor) {
    self.cursor = cursor
  }

  /// The value `data` holds, or `nil` when it is not strict JSON.
  public static func value(of data: Data) -> Value? {
    JSONByteCursor.read(data, maxDepth: maxDepth) { cursor in
      var reader = JSONValueReader(cursor)
      defer { cursor = reader.cursor }
      return try reader.value()
    }
  }

  private mutating func value() throws -> Value {
    switch try cursor.peek() {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try cursor.string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return try number()
    }
  }

  private mutating func object() throws -> Value {
    try cursor.enter()
    defer { cursor.leave() }
    cursor.position += 1
    var members: [String: Value] = [:]
    if try cursor.peek() == UInt8(ascii: "}") {
      cursor.position += 1
      return .object(members)
    }
    while true {
      guard try cursor.peek() == UInt8(ascii: "\"") else { throw JSONByteCursor.GiveUp() }
      let key = try cursor.string()
      try cursor.expect(UInt8(ascii: ":"))
      members[key] = try value()
      let next = try cursor.peek()
      cursor.position += 1
      if next == UInt8(ascii: "}") { return .object(members) }
      guard next == UInt8(ascii: ",") else { throw JSONByteCursor.GiveUp() }
    }
  }

  private mutating func array() throws -> Value {
    try cursor.enter()
    defer { cursor.leave() }
    cursor.position += 1
    var items: [Value] = []
    if try cursor.peek() == UInt8(ascii: "]") {
      cursor.position += 1
      return .array(items)
    }
    while true {
      items.append(try value())
      let next = try cursor.peek()
      cursor.position += 1
      if next == UInt8(ascii: "]") { return .array(items) }
      guard next == UInt8(ascii: ",") else { throw JSONByteCursor.GiveUp() }
    }
  }

  private mutating func number() throws -> Value {
    let (range, integral) = try cursor.number()
    let text = String(decoding: UnsafeBufferPointer(rebasing: cursor.bytes[range]), as: UTF8.self)
    if integral, let number = Int(text) { return .int(number) }
    guard let number = Double(text), number.isFinite else { throw JSONByteCursor.GiveUp() }
    // As `Value`'s `Decodable` reads it: a whole number that fits is an integer (`1.0`, `1e3`).
    if number.rounded() == number, abs(number) < 9.2e18 { return .int(Int(number)) }
    return .double(number)
  }

  private mutating func literal(_ word: StaticString, _ value: Value) throws -> Value {
    guard try cursor.literal(word) else { throw JSONByteCursor.GiveUp() }
    return value
  }
}
