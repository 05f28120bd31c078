import Foundation

/// The sources a chat reply was grounded on, as HehoLocal reports them in the response header
/// `Heho-Local-Sources` of every platform's chat endpoint. Live platforms do not send it, so a
/// reply from one has no sources and `citesDocument` is not checkable there. Kept in one place
/// so the three platforms' conversations read the header the same way.
///
/// The header's value is the source names joined with `,` (no spaces), each percent-encoded:
/// RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`) as they are, every other byte of
/// the name's UTF-8 as `%XX`. An empty value means the reply was grounded on nothing.
public enum ReplySources {
  /// The response header's name.
  public static let header = "Heho-Local-Sources"

  /// The sources `response` names: `nil` when it has no such header (the platform does not
  /// say), `[]` when the header is empty (grounded on nothing).
  public static func decode(_ response: HTTPResponse) -> [String]? {
    response.header(header).map(decode(value:))
  }

  /// The names in a header value. A name whose escapes are malformed is kept as written rather
  /// than dropped, so a report still shows what the platform sent.
  public static func decode(value: String) -> [String] {
    value.trimmingCharacters(in: .whitespaces).split(separator: ",").compactMap { part in
      let encoded = part.trimmingCharacters(in: .whitespaces)
      guard !encoded.isEmpty else { return nil }
      return encoded.removingPercentEncoding ?? encoded
    }
  }

  /// The header value for `names`: what a server sends, and what `decode` reads back.
  public static func encode(_ names: [String]) -> String {
    names.map { name in
      name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? name
    }.joined(separator: ",")
  }

  /// RFC 3986's unreserved characters, the only ones sent as they are.
  static let unreserved = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
