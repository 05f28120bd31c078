/// Reads one JSON string literal from UTF-8 bytes, strictly (RFC 8259): the byte-level JSON
/// readers share it.
public enum JSONString {
  /// The string whose opening quote is at `index`; `index` ends past its closing quote. `nil`
  /// (with `index` anywhere) when the literal is malformed: an unknown escape, a lone
  /// surrogate, a control character, invalid UTF-8, or no closing quote.
  public static func read(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> String? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
    index += 1
    let start = index
    var ascii = true
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        return ascii
          ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
      }
      if byte == UInt8(ascii: "\\") { return escaped(bytes, from: start, at: &index) }
      guard byte >= 0x20 else { return nil }
      if byte >= 0x80 { ascii = false }
      index += 1
    }
    return nil
  }

  /// The rest of a string that has an escape at `index`, its bytes from `start`.
  private static func escaped(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, at index: inout Int
  )
    -> String?
  {
    var utf8 = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(validating: utf8, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { return nil }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
          guard let scalar = unicodeEscape(bytes, at: &index) else { return nil }
          utf8.append(contentsOf: Character(scalar).utf8)
        default: return nil
        }
      default:
        guard byte >= 0x20 else { return nil }
        utf8.append(byte)
      }
    }
    return nil
  }

  /// The scalar of a `\uXXXX` escape whose `\u` was read, a surrogate pair included.
  private static func unicodeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int)
    -> Unicode.Scalar?
  {
    guard var code = hex4(bytes, at: &index) else { return nil }
    if (0xD800..<0xDC00).contains(code) {
      guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
        bytes[index + 1] == UInt8(ascii: "u")
      else { return nil }
      index += 2
      guard let low = hex4(bytes, at: &index), (0xDC00..<0xE000).contains(low) else { return nil }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
    }
    return Unicode.Scalar(code)
  }

  private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32? {
    guard index + 4 <= bytes.count else { return nil }
    var code: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      index += 1
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      code = code << 4 | UInt32(digit)
    }
    return code
  }
}
