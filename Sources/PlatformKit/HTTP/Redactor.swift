import Foundation

/// Removes a secret from any text that could reach output, logs, plan files or errors.
///
/// A server that quotes a request back may have re-encoded it first, so a secret is found in
/// every form an error body is likely to carry: as written, JSON-escaped (`/` as `\/`, any
/// character as `\uXXXX`), percent-encoded (any byte as `%HH`, in either case, a space as `+`),
/// and those mixed, character by character (a JSON escape whose backslash was percent-encoded
/// is found too).
public struct Redactor: Sendable {
  /// What a redacted secret reads as.
  public static let replacement = "[redacted]"

  /// The secrets hidden, as given.
  public let secrets: [String]
  private let patterns: [Pattern]

  /// Creates a redactor for `secrets` (values shorter than 4 characters are ignored: hiding
  /// them would garble the text and protect nothing).
  public init(secrets: [String]) {
    var kept: [String] = []
    for secret in secrets where secret.count >= 4 && !kept.contains(secret) {
      kept.append(secret)
    }
    self.secrets = kept
    // The longest first: a secret that contains another is replaced whole.
    patterns = kept.sorted { $0.utf8.count > $1.utf8.count }.map(Pattern.init)
  }

  /// `text` with every secret, in any of its forms, replaced by `[redacted]`. Text that holds
  /// none is scanned in place and returned as it was.
  public func redact(_ text: String) -> String {
    var text = text
    for pattern in patterns {
      text.makeContiguousUTF8()
      let replaced = text.utf8.withContiguousStorageIfAvailable { pattern.replacing(in: $0) }
      if let replaced, let replaced { text = String(decoding: replaced, as: UTF8.self) }
    }
    return text
  }

  /// One byte of a form: `caseless` for a hex digit of a `\uXXXX` escape, which may be written
  /// in either case; `repeats` for the backslash that starts an escape, which a text escaped
  /// again (a JSON body quoted in a JSON string) doubles.
  private struct Unit: Sendable {
    var byte: UInt8
    var caseless = false
    var repeats = false

    func matches(_ other: UInt8) -> Bool {
      other == byte || (caseless && other | 0x20 == byte)
    }
  }

  /// One secret as, for each of its characters, the forms that character may take.
  private struct Pattern: Sendable {
    /// Per character, its forms, each a list of bytes.
    let forms: [[[Unit]]]
    /// Whether a byte can begin a match (a quick test before trying one).
    let starts: [Bool]

    init(_ secret: String) {
      forms = secret.unicodeScalars.map(Self.forms)
      var starts = [Bool](repeating: false, count: 256)
      starts[Int(UInt8(ascii: "%"))] = true
      for form in forms.first ?? [] { if let first = form.first { starts[Int(first.byte)] = true } }
      self.starts = starts
    }

    /// The forms of one character: as written, its JSON escapes, and `+` for a space.
    static func forms(of scalar: Unicode.Scalar) -> [[Unit]] {
      let backslash = UInt8(ascii: "\\")
      func units(_ text: String) -> [Unit] {
        text.utf8.enumerated().map { offset, byte in
          Unit(byte: byte, repeats: offset == 0 && byte == backslash)
        }
      }
      func escaped(_ unit: UInt16) -> [Unit] {
        let digits = String(unit, radix: 16)
        return units("\\u" + String(repeating: "0", count: 4 - digits.count))
          + digits.utf8.map { Unit(byte: $0, caseless: $0 >= UInt8(ascii: "a")) }
      }
      // A backslash as written already stands for `\\` and deeper escapes (it repeats).
      var forms = [units(String(Character(scalar)))]
      let short: [Unicode.Scalar: String] = [
        "/": "\\/", "\"": "\\\"", "\u{8}": "\\b", "\u{c}": "\\f", "\n": "\\n", "\r": "\\r",
        "\t": "\\t",
      ]
      if let escape = short[scalar] { forms.append(units(escape)) }
      forms.append(String(Character(scalar)).utf16.flatMap(escaped))
      if scalar == " " { forms.append(units("+")) }
      return forms
    }

    /// `bytes` with every match replaced, or nil when nothing matched.
    func replacing(in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
      var output: [UInt8] = []
      var copied = 0
      var position = 0
      while position < bytes.count {
        guard starts[Int(bytes[position])], let end = match(0, at: position, in: bytes) else {
          position += 1
          continue
        }
        if output.isEmpty { output.reserveCapacity(bytes.count) }
        output += bytes[copied..<position]
        output += Redactor.replacement.utf8
        copied = end
        position = end
      }
      guard copied > 0 else { return nil }
      output += bytes[copied...]
      return output
    }

    /// Where a match of characters `index...` starting at `position` ends, trying each form
    /// of a character in turn (and going back when a later character fails).
    private func match(_ index: Int, at position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int?
    {
      guard index < forms.count else { return position }
      for form in forms[index] {
        if let end = Self.match(
          form, from: 0, at: position, in: bytes, then: { match(index + 1, at: $0, in: bytes) })
        {
          return end
        }
      }
      return nil
    }

    /// Where the match ends when unit `index` of `form` starts at `position` and `rest`
    /// matches what follows the form: each byte as written or as `%HH` (a `%` in the form can
    /// be read both ways), a repeating unit as many times as it comes.
    private static func match(
      _ form: [Unit], from index: Int, at position: Int, in bytes: UnsafeBufferPointer<UInt8>,
      then rest: (Int) -> Int?
    ) -> Int? {
      guard index < form.count else { return rest(position) }
      guard position < bytes.count else { return nil }
      let unit = form[index]
      func next(_ end: Int) -> Int? {
        if unit.repeats, let longer = match(form, from: index, at: end, in: bytes, then: rest) {
          return longer
        }
        return match(form, from: index + 1, at: end, in: bytes, then: rest)
      }
      if bytes[position] == UInt8(ascii: "%"), position + 2 < bytes.count,
        let high = hex(bytes[position + 1]), let low = hex(bytes[position + 2]),
        unit.matches(high << 4 | low), let end = next(position + 3)
      {
        return end
      }
      return unit.matches(bytes[position]) ? next(position + 1) : nil
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
      default: nil
      }
    }
  }
}
