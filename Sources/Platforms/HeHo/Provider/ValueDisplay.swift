import HehoManifest

/// Values as messages show them: strings quoted and cut short.
enum ValueDisplay {
  /// `"abc"`, `12`, `true`; a string past 40 characters is cut with an ellipsis.
  static func short(_ value: Value) -> String {
    guard case .string(let text) = value else { return value.description }
    return text.count > 40 ? "\"\(text.prefix(39))…\"" : "\"\(text)\""
  }
}
