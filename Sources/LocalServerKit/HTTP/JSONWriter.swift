/// Writes JSON bytes directly, for the large list responses.
///
/// `JSONEncoder` builds a tree of boxed values before it writes a byte; for a list of 10,000
/// chatbots that cost the local platform about 0.25 s a call. The writer emits the same bytes
/// as `JSONResponse` (keys in sorted order, slashes not escaped), which a test keeps true.
package struct JSONWriter {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []
  /// Whether the next value in the current object or array needs a comma first.
  private var needsComma = false

  package init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  /// Writes `{`, the members `body` writes, and `}`.
  package mutating func object(_ body: (inout JSONWriter) -> Void) {
    container(UInt8(ascii: "{"), UInt8(ascii: "}"), body)
  }

  /// Writes `[`, the elements `body` writes, and `]`.
  package mutating func array(_ body: (inout JSONWriter) -> Void) {
    container(UInt8(ascii: "["), UInt8(ascii: "]"), body)
  }

  private mutating func container(
    _ open: UInt8, _ close: UInt8, _ body: (inout JSONWriter) -> Void
  ) {
    separate()
    bytes.append(open)
    needsComma = false
    body(&self)
    bytes.append(close)
    needsComma = true
  }

  /// Writes a member's key; its value comes next.
  package mutating func key(_ name: String) {
    separate()
    quoted(name)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  /// Writes a string value.
  package mutating func string(_ text: String) {
    separate()
    quoted(text)
    needsComma = true
  }

  /// Writes a string value, or `null`.
  package mutating func string(_ text: String?) {
    guard let text else {
      separate()
      bytes += Array("null".utf8)
      needsComma = true
      return
    }
    string(text)
  }

  /// Writes `true` or `false`.
  package mutating func bool(_ value: Bool) {
    separate()
    bytes += value ? Array("true".utf8) : Array("false".utf8)
    needsComma = true
  }

  /// Writes a number: `1.0` keeps its point, as the platforms' examples write it; a value that
  /// is not finite is `null`.
  package mutating func number(_ value: Double) {
    separate()
    bytes += value.isFinite ? Array("\(value)".utf8) : Array("null".utf8)
    needsComma = true
  }

  /// Writes a whole number.
  package mutating func integer(_ value: Int) {
    separate()
    bytes += Array(String(value).utf8)
    needsComma = true
  }

  /// Writes any JSON value, object keys sorted.
  package mutating func value(_ value: JSONValue) {
    switch value {
    case .null: string(nil)
    case .bool(let flag): bool(flag)
    case .integer(let whole): integer(Int(whole))
    case .number(let real): number(real)
    case .string(let text): string(text)
    case .array(let elements):
      array { writer in for element in elements { writer.value(element) } }
    case .object(let members):
      object { writer in
        for key in members.keys.sorted() {
          writer.key(key)
          writer.value(members[key] ?? .null)
        }
      }
    }
  }

  private mutating func separate() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
  }

  private static let hex = Array("0123456789abcdef".utf8)

  private mutating func quoted(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
      case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
      case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
      case 0..<0x20:
        bytes += [
          UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
          Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)],
        ]
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
