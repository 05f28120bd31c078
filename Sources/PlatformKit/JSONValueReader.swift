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
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0

  /// The deepest nesting read.
  public static let maxDepth = 256

  private struct GiveUp: Error {}

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The value `data` holds, or `nil` when it is not strict JSON.
  public static func value(of data: Data) -> Value? {
    data.withUnsafeBytes { raw in
      var reader = JSONValueReader(raw.bindMemory(to: UInt8.self))
      guard let value = try? reader.value() else { return nil }
      reader.skipWhitespace()
      return reader.index == reader.bytes.count ? value : nil
    }
  }

  private mutating func value() throws -> Value {
    skipWhitespace()
    guard index < bytes.count else { throw GiveUp() }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return try number()
    }
  }

  private mutating func object() throws -> Value {
    try enter()
    defer { depth -= 1 }
    index += 1
    var members: [String: Value] = [:]
    skipWhitespace()
    if try peek() == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard try peek() == UInt8(ascii: "\"") else { throw GiveUp() }
      let key = try string()
      skipWhitespace()
      try expect(UInt8(ascii: ":"))
      members[key] = try value()
      skipWhitespace()
      let next = try peek()
      index += 1
      if next == UInt8(ascii: "}") { return .object(members) }
      guard next == UInt8(ascii: ",") else { throw GiveUp() }
    }
  }

  private mutating func array() throws -> Value {
    try enter()
    defer { depth -= 1 }
    index += 1
    var items: [Value] = []
    skipWhitespace()
    if try peek() == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      items.append(try value())
      skipWhitespace()
      let next = try peek()
      index += 1
      if next == UInt8(ascii: "]") { return .array(items) }
      guard next == UInt8(ascii: ",") else { throw GiveUp() }
    }
  }

  private mutating func string() throws -> String {
    guard let text = JSONString.read(bytes, at: &index) else { throw GiveUp() }
    return text
  }

  private mutating func number() throws -> Value {
    let start = index
    var integral = true
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    try digits(leadingZeroAlone: true)
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      integral = false
      index += 1
      try digits(leadingZeroAlone: false)
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      integral = false
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      try digits(leadingZeroAlone: false)
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    if integral, let number = Int(text) { return .int(number) }
    guard let number = Double(text), number.isFinite else { throw GiveUp() }
    // As `Value`'s `Decodable` reads it: a whole number that fits is an integer (`1.0`, `1e3`).
    if number.rounded() == number, abs(number) < 9.2e18 { return .int(Int(number)) }
    return .double(number)
  }

  /// One or more digits; with `leadingZeroAlone`, a leading 0 is the whole run (JSON's rule).
  private mutating func digits(leadingZeroAlone: Bool) throws {
    let start = index
    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9")
    {
      index += 1
    }
    guard index > start else { throw GiveUp() }
    if leadingZeroAlone, bytes[start] == UInt8(ascii: "0"), index - start > 1 { throw GiveUp() }
  }

  private mutating func literal(_ word: StaticString, _ value: Value) throws -> Value {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw GiveUp() }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
      throw GiveUp()
    }
    index += count
    return value
  }

  private mutating func enter() throws {
    depth += 1
    guard depth <= Self.maxDepth else { throw GiveUp() }
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private func peek() throws -> UInt8 {
    guard index < bytes.count else { throw GiveUp() }
    return bytes[index]
  }

  private mutating func expect(_ byte: UInt8) throws {
    guard try peek() == byte else { throw GiveUp() }
    index += 1
  }
}
