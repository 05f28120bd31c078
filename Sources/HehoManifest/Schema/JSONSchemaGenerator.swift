import Foundation

/// Generates the JSON Schemas (draft 2020-12) in `schemas/` from the same `FieldSchema`s the
/// loader validates with.
public struct JSONSchemaGenerator: Sendable {
  /// The kinds to describe.
  public var registry: KindRegistry

  /// Creates a generator.
  public init(registry: KindRegistry) {
    self.registry = registry
  }

  /// File name → JSON text: one schema per kind, `project.schema.json` and
  /// `manifest.schema.json` (any document, dispatching on `kind`).
  public func files() -> [String: String] {
    var files: [String: String] = [:]
    files["project.schema.json"] = render(
      document(
        ProjectSchema.document(providerNames: registry.groups.map(\.name)),
        title: "heho Project (heho.yaml)", extras: [:]))
    var branches: [Value] = []
    for kind in registry.kinds {
      guard let schema = DocumentSchema.document(kind, in: registry) else { continue }
      let file = "\(kind.name.lowercased()).schema.json"
      files[file] = render(
        document(
          schema, title: "heho \(kind.name): \(kind.summary)", extras: kind.specJSONSchemaExtras))
      branches.append(branch(kind.name, file))
    }
    branches.append(branch(ProjectSchema.kindName, "project.schema.json"))
    let names = registry.names.map(Value.string)
    files["manifest.schema.json"] = render(
      .object([
        "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
        "title": .string("heho manifest (any kind)"),
        "type": .string("object"),
        "required": .array([.string("kind")]),
        "properties": .object(["kind": .object(["enum": .array(names)])]),
        "allOf": .array(branches),
      ]))
    return files
  }

  private func branch(_ kind: String, _ file: String) -> Value {
    .object([
      "if": .object([
        "properties": .object(["kind": .object(["const": .string(kind)])]),
        "required": .array([.string("kind")]),
      ]),
      "then": .object(["$ref": .string(file)]),
    ])
  }

  private func document(_ schema: FieldSchema, title: String, extras: [String: Value]) -> Value {
    var root = json(schema).objectValue ?? [:]
    if !extras.isEmpty, var properties = root["properties"]?.objectValue,
      let spec = properties["spec"]
    {
      properties["spec"] = Self.merge(spec, .object(extras))
      root["properties"] = .object(properties)
    }
    root["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
    root["title"] = .string(title)
    return .object(root)
  }

  /// The JSON Schema of one field.
  func json(_ schema: FieldSchema) -> Value {
    var result: [String: Value] = [:]
    if !schema.summary.isEmpty { result["description"] = .string(schema.summary) }
    switch schema.shape {
    case .string:
      result["type"] = .string("string")
      var checks: [String: Value] = [:]
      if let values = schema.enumValues { checks["enum"] = .array(values.map(Value.string)) }
      if let pattern = schema.pattern {
        checks["pattern"] = .string(schema.caseInsensitive ? Self.ignoringCase(pattern) : pattern)
      }
      if let minLength = schema.minLength { checks["minLength"] = .int(minLength) }
      if let maxLength = schema.maxLength { checks["maxLength"] = .int(maxLength) }
      if schema.interpolated && !checks.isEmpty {
        let reference: Value = .object(["pattern": .string("(^|[^$])\\$\\{")])
        result["anyOf"] = .array([.object(checks), reference])
      } else {
        result.merge(checks) { _, new in new }
      }
    case .boolean:
      result["type"] = .string("boolean")
    case .scalar:
      result["type"] = .array([.string("string"), .string("number"), .string("boolean")])
    case .any:
      break
    case .array(let items):
      result["type"] = .string("array")
      result["items"] = json(items)
      if let minItems = schema.minItems { result["minItems"] = .int(minItems) }
      if let maxItems = schema.maxItems { result["maxItems"] = .int(maxItems) }
    case .object(let fields):
      result["type"] = .string("object")
      var properties: [String: Value] = [:]
      for field in fields { properties[field.name] = json(field.schema) }
      result["properties"] = .object(properties)
      let required = fields.filter(\.required).map { Value.string($0.name) }
      if !required.isEmpty { result["required"] = .array(required) }
      result["additionalProperties"] = .bool(false)
    case .map(let keyPattern, _, let values):
      result["type"] = .string("object")
      result["additionalProperties"] = json(values)
      if let keyPattern {
        result["propertyNames"] = .object(["pattern": .string(keyPattern)])
      }
    }
    return .object(result)
  }

  /// `pattern` with every ASCII letter outside escapes written as `[xX]`.
  static func ignoringCase(_ pattern: String) -> String {
    var result = ""
    var escaped = false
    for character in pattern {
      if escaped {
        result.append(character)
        escaped = false
      } else if character == "\\" {
        result.append(character)
        escaped = true
      } else if character.isASCII, character.isLetter {
        result += "[\(character.lowercased())\(character.uppercased())]"
      } else {
        result.append(character)
      }
    }
    return result
  }

  static func merge(_ base: Value, _ extra: Value) -> Value {
    guard var members = base.objectValue, let additions = extra.objectValue else { return extra }
    for (key, value) in additions {
      members[key] = members[key].map { merge($0, value) } ?? value
    }
    return .object(members)
  }

  private func render(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
