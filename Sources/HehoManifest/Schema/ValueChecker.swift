/// Checks string values — enums, patterns, lengths — after interpolation and kind resolution.
struct ValueChecker {
  /// Where each value was written, by path.
  var locations: [String: FieldLocation]
  /// Where each value was written when no better location is known.
  var fallback: SourceLocation
  /// Interpolated strings by path, to avoid echoing environment values.
  var resolvedTexts: [String: ResolvedText]
  /// Problems found.
  var diagnostics: [Diagnostic] = []

  mutating func check(_ value: Value, _ schema: FieldSchema, path: String) {
    switch (schema.shape, value) {
    case (.string, .string(let text)):
      checkString(text, schema, path: path)
    case (.array(let items), .array(let elements)):
      if ValueChecker.mayFail(items) {
        for (index, element) in elements.enumerated() {
          check(element, items, path: "\(path)[\(index)]")
        }
      }
      if let minItems = schema.minItems, elements.count < minItems {
        report("'\(path)' needs at least \(minItems) item(s), found \(elements.count)", path)
      }
    case (.object(let fields), .object(let members)):
      for field in fields where ValueChecker.mayFail(field.schema) {
        if let member = members[field.name] {
          check(member, field.schema, path: path.isEmpty ? field.name : "\(path).\(field.name)")
        }
      }
    case (.map(_, _, let values), .object(let members)):
      guard ValueChecker.mayFail(values) else { break }
      for key in members.keys.sorted() {
        if let member = members[key] { check(member, values, path: "\(path).\(key)") }
      }
    default:
      break
    }
  }

  /// Whether checking a value of `schema` can find a problem; fields that cannot are skipped
  /// without building their paths.
  static func mayFail(_ schema: FieldSchema) -> Bool {
    switch schema.shape {
    case .string: schema.hasValueChecks
    case .boolean, .scalar, .any: false
    case .array(let items): schema.minItems != nil || mayFail(items)
    case .object, .map: true
    }
  }

  private mutating func checkString(_ text: String, _ schema: FieldSchema, path: String) {
    guard schema.hasValueChecks else { return }
    // What messages show is worked out only for a message.
    var resolved: ResolvedText? { resolvedTexts[path] }
    var hidden: Bool { schema.secret || !(resolved?.environmentNames.isEmpty ?? true) }
    var display: String { schema.secret ? "the value" : (resolved?.display ?? "'\(text)'") }
    var noun: String { schema.label ?? "'\(path)'" }
    if let values = schema.enumValues, !values.contains(text) {
      let suggestion = hidden ? "" : Suggestions.didYouMean(text, among: values)
      report(
        "\(noun) \(display) is not valid: expected one of \(values.joined(separator: ", "))"
          + suggestion, path)
      return
    }
    let length = schema.minLength == nil && schema.maxLength == nil ? 0 : text.unicodeScalars.count
    if let minLength = schema.minLength, length < minLength {
      report(
        "\(noun) is \(length) characters long; it must be at least \(minLength) characters", path)
      return
    }
    if let maxLength = schema.maxLength, length > maxLength {
      report(
        "\(noun) is \(length) characters long; it must be at most \(maxLength) characters", path)
      return
    }
    if let pattern = schema.pattern,
      !PatternMatcher.matches(text, pattern: pattern, caseInsensitive: schema.caseInsensitive)
    {
      let suggestion = hidden ? "" : Suggestions.didYouMean(text, among: schema.suggestions)
      report(
        "\(noun) \(display) is not valid: expected \(schema.patternHint ?? "to match \(pattern)")"
          + suggestion, path)
    }
  }

  private mutating func report(_ message: String, _ path: String) {
    diagnostics.append(Diagnostic(.error, message, at: locations[path]?.value ?? fallback))
  }
}
