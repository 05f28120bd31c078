import PlatformKit

/// The JSON steps of `HeHoListDecoder` that know no HeHo field: objects with their raw keys,
/// arrays, strings, optional values and skipped values, over its `JSONByteCursor`.
extension HeHoListDecoder {
  /// Whether the raw key bytes equal `name` (keys with escapes never reach here).
  func keyEquals(_ key: Range<Int>, _ name: StaticString) -> Bool {
    cursor.holds(name, in: key)
  }

  /// An object, calling `member` with each key's bytes (the value is next).
  mutating func object(_ member: (inout Self, Range<Int>) throws -> Void) throws {
    try cursor.expect(UInt8(ascii: "{"))
    if try cursor.peek() == UInt8(ascii: "}") {
      cursor.position += 1
      return
    }
    while true {
      let key = try rawKey()
      try cursor.expect(UInt8(ascii: ":"))
      try member(&self, key)
      switch try cursor.peek() {
      case UInt8(ascii: ","): cursor.position += 1
      case UInt8(ascii: "}"):
        cursor.position += 1
        return
      default: throw GiveUp()
      }
    }
  }

  /// An array, calling `element` for each element.
  mutating func array(_ element: (inout Self) throws -> Void) throws {
    try cursor.expect(UInt8(ascii: "["))
    if try cursor.peek() == UInt8(ascii: "]") {
      cursor.position += 1
      return
    }
    while true {
      try element(&self)
      switch try cursor.peek() {
      case UInt8(ascii: ","): cursor.position += 1
      case UInt8(ascii: "]"):
        cursor.position += 1
        return
      default: throw GiveUp()
      }
    }
  }

  /// A key's bytes between its quotes: plain ASCII without escapes or control characters.
  mutating func rawKey() throws -> Range<Int> {
    try cursor.expect(UInt8(ascii: "\""))
    let start = cursor.position
    while cursor.position < cursor.bytes.count {
      let byte = cursor.bytes[cursor.position]
      if byte == UInt8(ascii: "\"") {
        cursor.position += 1
        return start..<(cursor.position - 1)
      }
      guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { throw GiveUp() }
      cursor.position += 1
    }
    throw GiveUp()
  }

  mutating func string() throws -> String {
    try cursor.string()
  }

  /// A string or `null` (`nil`).
  mutating func optionalString() throws -> String? {
    if try cursor.literal("null") { return nil }
    return try cursor.string()
  }

  /// `true`, `false` or `null` (`nil`).
  mutating func optionalBool() throws -> Bool? {
    if try cursor.literal("null") { return nil }
    if try cursor.literal("true") { return true }
    if try cursor.literal("false") { return false }
    throw GiveUp()
  }

  /// Any value, checked but not kept.
  mutating func skipValue() throws {
    switch try cursor.peek() {
    case UInt8(ascii: "\""): _ = try cursor.string()
    case UInt8(ascii: "{"):
      try cursor.enter()
      try object { decoder, _ in try decoder.skipValue() }
      cursor.leave()
    case UInt8(ascii: "["):
      try cursor.enter()
      try array { try $0.skipValue() }
      cursor.leave()
    case UInt8(ascii: "t"): guard try cursor.literal("true") else { throw GiveUp() }
    case UInt8(ascii: "f"): guard try cursor.literal("false") else { throw GiveUp() }
    case UInt8(ascii: "n"): guard try cursor.literal("null") else { throw GiveUp() }
    default: _ = try cursor.number()
    }
  }
}
