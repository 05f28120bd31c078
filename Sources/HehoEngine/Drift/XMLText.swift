/// Escapes text for XML 1.0: markup characters become references, and characters XML 1.0
/// cannot hold at all (most control characters, lone surrogates' replacements) become `\u{…}`.
enum XMLText {
  /// `"…"`: a quoted attribute value.
  static func attribute(_ text: String) -> String {
    "\"" + escape(text, attribute: true) + "\""
  }

  /// Element content.
  static func content(_ text: String) -> String {
    escape(text, attribute: false)
  }

  static func escape(_ text: String, attribute: Bool) -> String {
    var result = ""
    result.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += attribute ? "&quot;" : "\""
      case "'": result += attribute ? "&apos;" : "'"
      case "\n": result += attribute ? "&#10;" : "\n"
      case "\r": result += "&#13;"
      case "\t": result += attribute ? "&#9;" : "\t"
      default:
        if isAllowed(scalar) {
          result.unicodeScalars.append(scalar)
        } else {
          result += "\\u{" + String(scalar.value, radix: 16) + "}"
        }
      }
    }
    return result
  }

  /// XML 1.0's `Char` production.
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }
}
