/// Checks a YAML tree against a `FieldSchema` — shapes, required and unknown fields — and builds
/// the `Value`, interpolating strings on the way and recording where every field was written.
struct StructureValidator {
  /// Substitutes `${…}` in interpolated strings; `nil` leaves strings as written.
  var interpolator: Interpolator?
  /// Problems found so far.
  var diagnostics: [Diagnostic] = []
  /// Where each field's key and value were written, by path (`spec.columns[1].type`): one
  /// entry per field, since every field is recorded once per document.
  var locations = FieldLocations()
  /// Interpolated strings, by path (for messages that must not echo environment values).
  var resolvedTexts: [String: ResolvedText] = [:]

  init(interpolator: Interpolator?) {
    self.interpolator = interpolator
  }

  /// The value of `node`, or `nil` when its shape is wrong (an error is recorded). Mappings and
  /// lists keep their valid parts, so later checks can still report on them; whether the whole
  /// is valid is whether `diagnostics` holds an error.
  mutating func validate(
    _ node: YAMLNode, _ schema: FieldSchema, path: String, key: SourceLocation? = nil
  ) -> Value? {
    validate(node, schema, parent: -1, step: path.isEmpty ? .root : .path(path), key: key)
  }

  /// `validate(_:_:path:key:)` of the field reached by `step` from the field recorded at
  /// `parent`. Paths are spelled out only for messages and interpolated strings.
  private mutating func validate(
    _ node: YAMLNode, _ schema: FieldSchema, parent: Int, step: FieldLocations.Step,
    key: SourceLocation?
  ) -> Value? {
    let here = locations.append(
      parent: parent, step, FieldLocation(key: key, value: node.location))
    var path: String { locations.path(of: here) }
    switch schema.shape {
    case .string:
      guard case .scalar(.string(let text), _, let plain) = node.content else {
        return mismatch(node, expected: "a string", path: path, schema: schema)
      }
      guard schema.interpolated, let interpolator else { return .string(text) }
      let resolved = interpolator.interpolate(
        text, at: node.location, plain: plain, diagnostics: &diagnostics)
      if resolved.value != text || !resolved.environmentNames.isEmpty {
        resolvedTexts[path] = resolved
      }
      return .string(resolved.value)
    case .boolean:
      guard case .scalar(.bool(let value), _, _) = node.content else {
        return mismatch(node, expected: "true or false", path: path, schema: schema)
      }
      return .bool(value)
    case .scalar(let asText):
      switch node.content {
      case .scalar(.string(let text), let written, let plain):
        guard !asText, schema.interpolated, let interpolator else { return .string(written) }
        let resolved = interpolator.interpolate(
          text, at: node.location, plain: plain, diagnostics: &diagnostics)
        if resolved.value != text || !resolved.environmentNames.isEmpty {
          resolvedTexts[path] = resolved
        }
        return .string(resolved.value)
      case .scalar(.bool(let value), let text, _): return asText ? .string(text) : .bool(value)
      case .scalar(.int(let value), let text, _): return asText ? .string(text) : .int(value)
      case .scalar(.double(let value), let text, _):
        return asText || !value.isFinite ? .string(text) : .double(value)
      default:
        return mismatch(node, expected: "a string, number or boolean", path: path, schema: schema)
      }
    case .any:
      return YAMLRecordReader.value(node)
    case .array(let items):
      guard case .sequence(let elements) = node.content else {
        return mismatch(node, expected: "a list", path: path, schema: schema)
      }
      var values: [Value] = []
      values.reserveCapacity(elements.count)
      for (index, element) in elements.enumerated() {
        values.append(
          validate(element, items, parent: here, step: .index(index), key: element.location)
            ?? .null)
      }
      return .array(values)
    case .object(let fields):
      return validateObject(node, fields, schema: schema, at: here)
    case .map(let keyPattern, let keyHint, let values):
      return validateMap(node, keyPattern: keyPattern, keyHint: keyHint, values, at: here)
    }
  }

  private mutating func validateObject(
    _ node: YAMLNode, _ fields: [FieldSchema.Field], schema: FieldSchema, at here: Int
  ) -> Value? {
    var path: String { locations.path(of: here) }
    guard let entries = node.entries else {
      return mismatch(node, expected: "a mapping", path: path, schema: schema)
    }
    var label: String { schema.label ?? (path.isEmpty ? "document" : "'\(path)'") }
    var members: [String: Value] = [:]
    members.reserveCapacity(entries.count)
    for entry in entries {
      guard let field = fields.first(where: { $0.name == entry.key }) else {
        diagnostics.append(
          Diagnostic(
            .error, unknownFieldMessage(entry.key, in: label, known: fields.map(\.name)),
            at: entry.keyLocation))
        continue
      }
      if let value = validate(
        entry.value, field.schema, parent: here, step: .key(entry.key), key: entry.keyLocation)
      {
        members[entry.key] = value
      }
    }
    for field in fields where field.required && !entries.contains(where: { $0.key == field.name }) {
      let hint = field.schema.summary.isEmpty ? "" : " (\(field.schema.summary))"
      diagnostics.append(
        Diagnostic(
          .error, "missing required field '\(field.name)' in \(label)\(hint)", at: node.location))
    }
    return .object(members)
  }

  private mutating func validateMap(
    _ node: YAMLNode, keyPattern: String?, keyHint: String?, _ values: FieldSchema, at here: Int
  ) -> Value? {
    var path: String { locations.path(of: here) }
    guard let entries = node.entries else {
      return mismatch(node, expected: "a mapping", path: path, schema: values)
    }
    var members: [String: Value] = [:]
    members.reserveCapacity(entries.count)
    for entry in entries {
      if let keyPattern, !PatternMatcher.matches(entry.key, pattern: keyPattern) {
        diagnostics.append(
          Diagnostic(
            .error,
            "'\(entry.key)' is not a valid key in '\(path)': expected \(keyHint ?? keyPattern)",
            at: entry.keyLocation))
        continue
      }
      if let value = validate(
        entry.value, values, parent: here, step: .key(entry.key), key: entry.keyLocation)
      {
        members[entry.key] = value
      }
    }
    return .object(members)
  }

  private func unknownFieldMessage(_ key: String, in label: String, known: [String]) -> String {
    var message = "unknown field '\(key)' in \(label)"
    if let suggestion = Suggestions.closest(to: key, among: known) {
      message += "; did you mean '\(suggestion)'?"
    } else if known.isEmpty {
      message += "; it takes no fields"
    } else {
      message += "; known fields: \(known.joined(separator: ", "))"
    }
    if ["apikey", "api_key", "key", "token", "secret", "password"].contains(key.lowercased()) {
      message +=
        " (secrets never go in manifests: name the environment variable that holds "
        + "the key with 'apiKeyEnv')"
    }
    return message
  }

  private mutating func mismatch(
    _ node: YAMLNode, expected: String, path: String, schema: FieldSchema
  ) -> Value? {
    var message = "'\(path)' must be \(expected), found \(node.typeDescription)"
    if let values = schema.enumValues { message += " (one of: \(values.joined(separator: ", ")))" }
    diagnostics.append(Diagnostic(.error, message, at: node.location))
    return nil
  }
}
