import HTTPTypes
import Hummingbird

/// The sources a local chat reply was grounded on, sent in the `Heho-Local-Sources` response
/// header of the three chat endpoints (HeHo's `POST /api/aichat`, BotHero's
/// `POST /v1/chat/completions`, Heppu's `POST /api/v1/agents/{id}/test`).
///
/// The seeds fix the chat bodies, so the sources travel beside them: a conversation test's
/// `citesDocument` reads them without the body changing shape. The format is the one
/// `docs/heho-local.md` documents, and a client decodes it with its own copy of this rule:
/// each source percent-encoded (RFC 3986: `A-Z a-z 0-9 - . _ ~` kept, every other byte of its
/// UTF-8 written `%XX`, upper-case hex), joined with `,` (no spaces); an empty value when the
/// reply is grounded on nothing.
package enum ReplySources {
  /// The header's name.
  package static let headerName = "Heho-Local-Sources"

  /// The header's name as a field name.
  // The name is a constant, valid HTTP token, so the failable initializer never fails.
  // swift-format-ignore: NeverForceUnwrap
  package static let field = HTTPField.Name(headerName)!

  /// The header's value for `sources`, in order.
  package static func encode(_ sources: [String]) -> String {
    sources.map(percentEncode).joined(separator: ",")
  }

  /// The sources in a header value, in order; `nil` when the value is not in the format (an
  /// empty element, a `%` not followed by two hex digits, a character that should have been
  /// encoded, or bytes that are not UTF-8).
  package static func decode(_ value: String) -> [String]? {
    if value.isEmpty { return [] }
    var sources: [String] = []
    for element in value.split(separator: ",", omittingEmptySubsequences: false) {
      guard let source = percentDecode(element) else { return nil }
      sources.append(source)
    }
    return sources
  }

  /// `response` with the header set to `sources` (present, and empty, when there are none).
  package static func attach(_ sources: [String], to response: Response) -> Response {
    var response = response
    response.headers[field] = encode(sources)
    return response
  }

  /// `text` with every byte outside RFC 3986's unreserved set written `%XX`.
  package static func percentEncode(_ text: String) -> String {
    var encoded = ""
    for byte in text.utf8 {
      if isUnreserved(byte) {
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        encoded += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0xF)])
      }
    }
    return encoded
  }

  /// One encoded element decoded; `nil` when it is empty or not in the format.
  static func percentDecode(_ element: Substring) -> String? {
    guard !element.isEmpty else { return nil }
    var bytes: [UInt8] = []
    var index = element.utf8.startIndex
    let end = element.utf8.endIndex
    while index < end {
      let byte = element.utf8[index]
      if byte == UInt8(ascii: "%") {
        let high = element.utf8.index(after: index)
        guard high < end, element.utf8.index(after: high) < end,
          let upper = hexValue(element.utf8[high]),
          let lower = hexValue(element.utf8[element.utf8.index(after: high)])
        else { return nil }
        bytes.append(upper << 4 | lower)
        index = element.utf8.index(high, offsetBy: 2)
      } else {
        guard isUnreserved(byte) else { return nil }
        bytes.append(byte)
        index = element.utf8.index(after: index)
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static let hexDigits = Array("0123456789ABCDEF")

  private static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
      UInt8(ascii: "_"), UInt8(ascii: "~"):
      true
    default: false
    }
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    default: nil
    }
  }
}
