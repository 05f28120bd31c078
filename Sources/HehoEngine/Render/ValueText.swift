import HehoManifest

/// Renders values for people: long strings shortened, so a plan stays readable.
enum ValueText {
  static let limit = 60

  static func render(_ value: Value?) -> String {
    guard var value else { return "(none)" }
    // A secret is redacted whole, before it could be cut short below.
    if case .string(let text) = value, let redact = ValueRedaction.current {
      value = .string(redact(text))
    }
    if case .string(let text) = value, text.count > limit {
      let flat = text.replacingOccurrences(of: "\n", with: " ")
      return "\"\(flat.prefix(limit - 1))…\" (\(text.count) characters)"
    }
    return value.description
  }

  /// `render`, with the line breaks of a string shown as `\n` so it stays on one line.
  static func renderInline(_ value: Value?) -> String {
    if case .string(let text) = value, text.contains(where: \.isNewline) {
      return render(
        .string(
          text.replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(
            of: "\n", with: "\\n"
          ).replacingOccurrences(of: "\r", with: "\\n")))
    }
    return render(value)
  }
}
