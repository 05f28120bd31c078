import Foundation

/// Finds a secret in text, in every form an error body may carry it: as written, JSON-escaped
/// (once or twice), percent-encoded (upper- or lower-case hex, also after JSON-escaping), and
/// by a long part that tells it apart (`core`), which no encoding here changes, and by any
/// run of ten characters of any of those forms.
struct LeakCheck: Sendable {
  /// The secret.
  let secret: String
  /// A long part of it that only it holds (letters only, so that it reads the same in every
  /// encoding).
  let core: String

  /// Each form of the secret, by name.
  var forms: [(name: String, text: String)] {
    let json = LeakEchoServer.jsonEscaped(secret)
    let percent = LeakEchoServer.percentEncoded(secret)
    let percentOfJSON = LeakEchoServer.percentEncoded(json)
    return [
      ("plain", secret), ("JSON-escaped", json),
      ("JSON-escaped twice", LeakEchoServer.jsonEscaped(json)),
      ("percent-encoded", percent), ("percent-encoded, lower-case", Self.lowercasedHex(percent)),
      ("percent-encoded JSON", percentOfJSON), ("distinguishing part", core),
    ]
  }

  /// The names of the forms `text` holds (none when it is clean): whole, or by any run of
  /// `window` characters of a form (a value shown cut short shows such a run).
  func found(in text: String, window: Int = 10) -> [String] {
    forms.filter { form in
      let characters = Array(form.text)
      guard characters.count > window else { return text.contains(form.text) }
      return (0...(characters.count - window)).contains { start in
        text.contains(String(characters[start..<(start + window)]))
      }
    }.map(\.name)
  }

  /// `%2F` as `%2f`: encoders differ in the case of the digits.
  static func lowercasedHex(_ text: String) -> String {
    var result = ""
    var pending = 0
    for character in text {
      if character == "%" {
        pending = 2
        result.append(character)
      } else if pending > 0 {
        pending -= 1
        result += character.lowercased()
      } else {
        result.append(character)
      }
    }
    return result
  }
}
