import Foundation

/// A position in the bytes of a JSON text, and the steps the byte-level JSON readers share:
/// whitespace, punctuation, strings, literals, numbers and a bound on nesting, each refusing
/// what is not strict JSON (RFC 8259) by throwing `GiveUp`.
///
/// A reader on a hot path (a plan reads every resource's list body) keeps one in a local
/// variable and passes it `inout`: a struct over the bytes, its steps inlinable across modules,
/// so reading a byte allocates nothing and calls nothing.
public struct JSONByteCursor {
  /// Thrown to give up: the text is not strict JSON of the shape the reader wants, and the
  /// caller falls back to `JSONDecoder` and its errors.
  public struct GiveUp: Error {
    /// Creates the error.
    @inlinable public init() {}
  }

  /// The text being read.
  public let bytes: UnsafeBufferPointer<UInt8>
  /// The index of the next byte to read.
  public var position = 0
  /// The deepest nesting `enter()` allows.
  public let maxDepth: Int
  /// The nesting entered and not yet left.
  @usableFromInline var depth = 0

  /// A cursor at the start of `bytes`.
  @inlinable public init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
    self.bytes = bytes
    self.maxDepth = maxDepth
  }

  /// What `parse` reads from the whole of `data` (whitespace may follow), or `nil` when it
  /// gives up or leaves anything else unread.
  @inlinable public static func read<T>(
    _ data: Data, maxDepth: Int, _ parse: (inout JSONByteCursor) throws -> T
  ) -> T? {
    data.withUnsafeBytes { raw -> T? in
      var cursor = JSONByteCursor(raw.bindMemory(to: UInt8.self), maxDepth: maxDepth)
      guard let value = try? parse(&cursor) else { return nil }
      cursor.skipWhitespace()
      return cursor.position == cursor.bytes.count ? value : nil
    }
  }

  /// Moves past spaces, tabs, line feeds and carriage returns.
  @inlinable public mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  /// The next byte after whitespace, not consumed; gives up at the end of the text.
  @inlinable public mutating func peek() throws -> UInt8 {
    skipWhitespace()
    guard position < bytes.count else { throw GiveUp() }
    return bytes[position]
  }

  /// Consumes `byte`, which must come next after whitespace.
  @inlinable public mutating func expect(_ byte: UInt8) throws {
    guard try peek() == byte else { throw GiveUp() }
    position += 1
  }

  /// The string literal that comes next after whitespace (`JSONString.read`).
  @inlinable public mutating func string() throws -> String {
    skipWhitespace()
    guard let text = JSONString.read(bytes, at: &position) else { throw GiveUp() }
    return text
  }

  /// Consumes `word` (`true`, `false`, `null`) if it comes next after whitespace; gives up
  /// when a letter or digit follows it (`nullable` is no literal).
  @inlinable public mutating func literal(_ word: StaticString) throws -> Bool {
    _ = try peek()
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count,
      Self.same(bytes, at: position, UnsafeBufferPointer(start: word.utf8Start, count: count))
    else { return false }
    let end = position + count
    if end < bytes.count {
      switch bytes[end] {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        throw GiveUp()
      default: break
      }
    }
    position = end
    return true
  }

  /// The bytes of the number that starts here, as JSON writes it:
  /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, followed by the end, whitespace or
  /// `,`, `]` or `}`; `integral` when it has neither fraction nor exponent.
  @inlinable public mutating func number() throws -> (bytes: Range<Int>, integral: Bool) {
    let start = position
    var integral = true
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard position < bytes.count else { throw GiveUp() }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      try digits()
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      integral = false
      position += 1
      try digits()
    }
    if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      integral = false
      position += 1
      if position < bytes.count,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      try digits()
    }
    if position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): break
      default: throw GiveUp()
      }
    }
    return (start..<position, integral)
  }

  /// One or more digits.
  @inlinable mutating func digits() throws {
    let start = position
    while position < bytes.count, bytes[position] >= UInt8(ascii: "0"),
      bytes[position] <= UInt8(ascii: "9")
    {
      position += 1
    }
    guard position > start else { throw GiveUp() }
  }

  /// Goes one object or array deeper; gives up past `maxDepth`.
  @inlinable public mutating func enter() throws {
    depth += 1
    guard depth <= maxDepth else { throw GiveUp() }
  }

  /// Comes out of the object or array `enter()` went into.
  @inlinable public mutating func leave() {
    depth -= 1
  }

  /// Whether the bytes in `range` are `word`'s.
  @inlinable public func holds(_ word: StaticString, in range: Range<Int>) -> Bool {
    range.count == word.utf8CodeUnitCount
      && Self.same(
        bytes, at: range.lowerBound, UnsafeBufferPointer(start: word.utf8Start, count: range.count))
  }

  /// Whether `bytes` hold `other` from `start` on; the caller checked that they are long
  /// enough. Static, over the bytes alone, so that a closure that calls it captures no cursor.
  @inlinable public static func same(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ other: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    for index in other.indices where bytes[start + index] != other[index] { return false }
    return true
  }
}
