/// Finds a byte from 128 up in a part's header name before MultipartKit's parser reads it.
///
/// MultipartKit 4.7's `MultipartParser` looks each header-name byte up in a table of 128 entries,
/// so such a byte (an upload whose part header starts with UTF-8, say) traps and stops the whole
/// server instead of failing the request. This follows the parser's states over the same bytes,
/// step for step, so that the upload can be refused with a 400 first. Where the parser itself
/// throws (any other syntax error) the guard stops following and lets it.
struct MultipartHeaderNameGuard {
  private enum State {
    case preamble(matched: Int)
    case preHeaders(expectingLF: Bool)
    case headerName(empty: Bool)
    case headerValue
    case postHeaderValue
    case postHeaders
    case body
    case boundary(matched: Int)
    /// The epilogue, or past a syntax error the parser throws on: nothing more to guard.
    case done
  }

  private static let cr: UInt8 = 13
  private static let lf: UInt8 = 10
  private static let colon = UInt8(ascii: ":")
  private static let hyphen = UInt8(ascii: "-")
  /// The bytes of an RFC 822 token besides letters and digits: what the parser takes in a name.
  private static let tokenSymbols = Set("!#$%&'*+-.^_`|~".utf8)

  private let delimiter: [UInt8]
  private var state = State.preamble(matched: 0)

  init(boundary: String) {
    delimiter = Array("\r\n--\(boundary)".utf8)
  }

  /// Follows `bytes` (the next bytes of the body); false at a header-name byte the parser would
  /// trap on, and from then on.
  mutating func admits(_ bytes: some Sequence<UInt8>) -> Bool {
    for byte in bytes {
      guard step(byte) else { return false }
      if case .done = state { return true }
    }
    return true
  }

  /// One byte, as the parser takes it; false when it would trap.
  private mutating func step(_ byte: UInt8) -> Bool {
    switch state {
    case .preamble(let matched):
      var next = 0
      if matched == 0, byte == delimiter[2] {
        next = 3  // the first delimiter may come without its leading CRLF
      } else if byte == delimiter[matched] {
        next = matched + 1
      } else if matched > 0, byte == delimiter[0] {
        next = 1
      }
      state = next >= delimiter.count ? .preHeaders(expectingLF: false) : .preamble(matched: next)
    case .preHeaders(let expectingLF):
      if !expectingLF, byte == Self.cr {
        state = .preHeaders(expectingLF: true)
      } else if expectingLF, byte == Self.lf {
        state = .headerName(empty: true)
      } else {
        state = .done
      }
    case .headerName(let empty):
      if byte == Self.colon, !empty {
        state = .headerValue
      } else if byte == Self.cr, empty {
        state = .postHeaders
      } else if byte >= 128 {
        return false
      } else if Self.isToken(byte) {
        state = .headerName(empty: false)
      } else {
        state = .done
      }
    case .headerValue:
      if byte == Self.cr { state = .postHeaderValue }
    case .postHeaderValue:
      state = byte == Self.lf ? .headerName(empty: true) : .done
    case .postHeaders:
      state = byte == Self.lf ? .body : .done
    case .body:
      if byte == delimiter[0] { state = .boundary(matched: 1) }
    case .boundary(let matched):
      if matched >= delimiter.count {
        state =
          byte == Self.cr
          ? .preHeaders(expectingLF: true) : .done  // a hyphen ends the body: the epilogue
      } else if byte == delimiter[matched] {
        state = .boundary(matched: matched + 1)
      } else {
        state = byte == delimiter[0] ? .boundary(matched: 1) : .body
      }
    case .done:
      break
    }
    return true
  }

  private static func isToken(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || tokenSymbols.contains(byte)
  }
}
