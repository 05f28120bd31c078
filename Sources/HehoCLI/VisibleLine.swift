/// A platform's text made safe for a terminal: control characters other than line breaks (an
/// escape sequence in a reply) are written as `\u{…}`.
enum VisibleLine {
  /// `text` with control characters other than `\n` written as `\u{…}`.
  static func of(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.properties.generalCategory == .control && scalar != "\n" {
        result += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
