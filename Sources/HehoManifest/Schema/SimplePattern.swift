/// The common shape of schema patterns, matched byte by byte without a regular expression:
/// `^[class]+$` and `^[class][class]*$`, where a class lists ASCII characters, ranges
/// (`a-z`) and `\xHH` escapes, or negates them (`[^\x00-\x1F]`, which admits any non-ASCII
/// character).
///
/// Names are checked once per resource and rarely repeat, so each would otherwise cost an ICU
/// match. As in JSON Schema's ECMA-262 patterns, `$` means the end of the text: a trailing
/// line break is not a match.
struct SimplePattern: Sendable {
  /// One bracketed class.
  struct CharacterClass: Sendable {
    /// ASCII members, one bit per code point.
    var low: UInt64 = 0
    var high: UInt64 = 0
    /// Whether bytes of non-ASCII characters belong (negated classes).
    var nonASCII = false

    func contains(_ byte: UInt8) -> Bool {
      if byte >= 0x80 { return nonASCII }
      return byte < 64 ? low & (1 << UInt64(byte)) != 0 : high & (1 << UInt64(byte - 64)) != 0
    }

    mutating func insert(_ byte: UInt8) {
      if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
    }
  }

  /// The class of the first character.
  var first: CharacterClass
  /// The class of every other character.
  var rest: CharacterClass

  /// The pattern's simple form, or `nil` when it has any other shape.
  init?(_ pattern: String) {
    var bytes = pattern.utf8[...]
    guard bytes.popFirst() == UInt8(ascii: "^"), bytes.popLast() == UInt8(ascii: "$"),
      let first = SimplePattern.parseClass(&bytes)
    else { return nil }
    if bytes.elementsEqual([UInt8(ascii: "+")]) {
      self.first = first
      rest = first
    } else if let rest = SimplePattern.parseClass(&bytes),
      bytes.elementsEqual([UInt8(ascii: "*")])
    {
      self.first = first
      self.rest = rest
    } else {
      return nil
    }
  }

  /// Whether all of `text` matches.
  func matches(_ text: String) -> Bool {
    var started = false
    var inFirst = true
    for byte in text.utf8 {
      if !started {
        guard first.contains(byte) else { return false }
        started = true
      } else if inFirst && byte & 0xC0 == 0x80 {
        continue  // the rest of a non-ASCII first character, admitted with its lead byte
      } else {
        inFirst = false
        guard rest.contains(byte) else { return false }
      }
    }
    return started
  }

  /// Parses `[…]` from the front of `bytes`.
  private static func parseClass(_ bytes: inout Substring.UTF8View.SubSequence) -> CharacterClass? {
    guard bytes.popFirst() == UInt8(ascii: "[") else { return nil }
    var negated = false
    if bytes.first == UInt8(ascii: "^") {
      negated = true
      bytes.removeFirst()
    }
    var members = CharacterClass()
    var previous: UInt8?
    var pendingRange = false
    while let byte = bytes.popFirst() {
      var member: UInt8
      switch byte {
      case UInt8(ascii: "]"):
        if pendingRange { members.insert(UInt8(ascii: "-")) }
        if negated {
          members.low = ~members.low
          members.high = ~members.high
          members.nonASCII = true
        }
        return members
      case UInt8(ascii: "["), 0x80...:
        return nil
      case UInt8(ascii: "\\"):
        guard let escaped = escape(&bytes) else { return nil }
        member = escaped
      case UInt8(ascii: "-")
      where previous != nil && !pendingRange && bytes.first != UInt8(ascii: "]"):
        pendingRange = true
        continue
      default:
        member = byte
      }
      if pendingRange, let start = previous {
        guard start <= member else { return nil }
        for code in start...member { members.insert(code) }
        pendingRange = false
        previous = nil
      } else {
        members.insert(member)
        previous = member
      }
    }
    return nil
  }

  /// The byte of `\xHH` or of an escaped punctuation character.
  private static func escape(_ bytes: inout Substring.UTF8View.SubSequence) -> UInt8? {
    guard let byte = bytes.popFirst() else { return nil }
    if byte == UInt8(ascii: "x") {
      guard bytes.count >= 2,
        let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16),
        value < 0x80
      else { return nil }
      bytes.removeFirst(2)
      return value
    }
    let isPunctuation =
      (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte)
      || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    return isPunctuation ? byte : nil
  }
}
