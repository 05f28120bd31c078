/// Checks string values — enums, patterns, lengths — after interpolation and kind resolution.
struct ValueChecker {
  /// Where each value was written, by path.
  var locations: FieldLocations
  /// Where each value was written when no better location is known.
  var fallback: SourceLocation
  /// Interpolated strings by path, to avoid echoing environment values.
  var resolvedTexts: [String: ResolvedText]
  /// Problems found.
  var diagnostics: [Diagnostic] = []

  /// The path of the value being checked below the root given to `check`, one step per level:
  /// its text is built only for a message.
  private var steps: [PathStep] = []
  private var root = ""

  /// One step down from a value to a part of it.
  private enum PathStep {
    /// An element of a list: `[1]`.
    case index(Int)
    /// A field of an object: `.name`, or `name` at an empty root.
    case field(String)
    /// A member of a map: `.key`.
    case member(String)
  }

  init(
    locations: FieldLocations, fallback: SourceLocation,
    resolvedTexts: [String: ResolvedText]
  ) {
    self.locations = locations
    self.fallback = fallback
    self.resolvedTexts = resolvedTexts
  }

  /// Checks `value` against `schema`; `path` names `value` in messages (`""` for a document).
  mutating func check(_ value: Value, _ schema: FieldSchema, path: String) {
    let saved = (root, steps)
    root = path
    steps.removeAll(keepingCapacity: true)
    checkHere(value, schema)
    (root, steps) = saved
  }

  /// The path of the value being checked, as messages and `locations` spell it.
  private var path: String {
    var text = root
    for step in steps {
      switch step {
      case .index(let index): text += "[\(index)]"
      case .field(let name): text = text.isEmpty ? name : "\(text).\(name)"
      case .member(let key): text = "\(text).\(key)"
      }
    }
    return text
  }

  private mutating func checkHere(_ value: Value, _ schema: FieldSchema) {
    switch (schema.shape, value) {
    case (.string, .string(let text)):
      checkString(text, schema)
    case (.array(let items), .array(let elements)):
      if ValueChecker.mayFail(items) {
        for (index, element) in elements.enumerated() {
          steps.append(.index(index))
          checkHere(element, items)
          steps.removeLast()
        }
      }
      if let minItems = schema.minItems, elements.count < minItems {
        report("'\(path)' needs at least \(minItems) item(s), found \(elements.count)", path)
      }
      if let maxItems = schema.maxItems, elements.count > maxItems {
        report("'\(path)' takes at most \(maxItems) item(s), found \(elements.count)", path)
      }
    case (.object(let fields), .object(let members)):
      for field in fields where ValueChecker.mayFail(field.schema) {
        if let member = members[field.name] {
          steps.append(.field(field.name))
          checkHere(member, field.schema)
          steps.removeLast()
        }
      }
    case (.map(_, _, let values), .object(let members)):
      guard ValueChecker.mayFail(values) else { break }
      for key in members.keys.sorted() {
        if let member = members[key] {
          steps.append(.member(key))
          checkHere(member, values)
          steps.removeLast()
        }
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
    case .array(let items): schema.minItems != nil || schema.maxItems != nil || mayFail(items)
    case .object, .map: true
    }
  }

  private mutating func checkString(_ text: String, _ schema: FieldSchema) {
    guard schema.hasValueChecks else { return }
    // What messages show, the path included, is worked out only for a message.
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
    // `nil` when the UTF-8 length alone shows the bounds are met.
    let length = ValueChecker.needsLength(text, schema) ? text.unicodeScalars.count : nil
    if let minLength = schema.minLength, let length, length < minLength {
      report(
        "\(noun) is \(length) characters long; it must be at least \(minLength) characters", path)
      return
    }
    if let maxLength = schema.maxLength, let length, length > maxLength {
      report(
        "\(noun) is \(length) characters long; it must be at most \(maxLength) characters", path)
      return
    }
    if let pattern = schema.pattern,
      !(schema.simplePattern?.matches(text)
        ?? PatternMatcher.matches(text, pattern: pattern, caseInsensitive: schema.caseInsensitive))
    {
      let suggestion = hidden ? "" : Suggestions.didYouMean(text, among: schema.suggestions)
      report(
        "\(noun) \(display) is not valid: expected \(schema.patternHint ?? "to match \(pattern)")"
          + suggestion, path)
    }
  }

  /// Whether `text`'s length in Unicode scalars must be counted to check `schema`'s bounds:
  /// not when its UTF-8 length alone settles them (a scalar takes one to four bytes).
  static func needsLength(_ text: String, _ schema: FieldSchema) -> Bool {
    if schema.minLength == nil && schema.maxLength == nil { return false }
    let bytes = text.utf8.count
    let longEnough = schema.minLength.map { bytes >= 4 * $0 } ?? true
    let shortEnough = schema.maxLength.map { bytes <= $0 } ?? true
    return !(longEnough && shortEnough)
  }

  private mutating func report(_ message: String, _ path: String) {
    diagnostics.append(Diagnostic(.error, message, at: locations[path]?.value ?? fallback))
  }
}
