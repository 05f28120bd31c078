/// Text from the platform made safe to show: control characters other than line breaks
/// (a terminal escape sequence in a resource name, say) are written as `\u{…}`.
enum VisibleText {
  /// `text` with control characters other than `\n` and `\r` written as `\u{…}`.
  static func of(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\r" {
        result += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
