/// A small declarative schema for one manifest field: the loader validates with it and the JSON
/// Schemas in `schemas/` are generated from it, so the two accept the same documents.
public struct FieldSchema: Sendable {
  /// The shape of a value.
  public indirect enum Shape: Sendable {
    /// A string.
    case string
    /// `true` or `false`.
    case boolean
    /// A string, number or boolean; `asText` keeps the text as written (a variable's value),
    /// otherwise the typed value is kept (a column's default).
    case scalar(asText: Bool)
    /// A mapping with known fields; any other field is an error.
    case object([Field])
    /// A mapping from free keys (optionally matching a pattern) to values of one schema.
    case map(keyPattern: String?, keyHint: String?, values: FieldSchema)
    /// A list of values of one schema.
    case array(FieldSchema)
    /// Any value, kept as written and typed: null, a scalar, a list or a mapping (a record's
    /// field). Not interpolated.
    case any
  }

  /// A named field of an object.
  public struct Field: Sendable {
    /// The field's name as written in YAML.
    public var name: String
    /// Whether the field must be present.
    public var required: Bool
    /// The field's schema.
    public var schema: FieldSchema

    /// Creates a field.
    public init(_ name: String, required: Bool = false, _ schema: FieldSchema) {
      self.name = name
      self.required = required
      self.schema = schema
    }
  }

  /// The shape.
  public var shape: Shape
  /// What the field is, for editors and messages.
  public var summary: String
  /// For objects: how messages name them (`Chatbot spec`, `column`).
  public var label: String?
  /// Allowed values of a string (checked after interpolation).
  public var enumValues: [String]?
  /// A regular expression (ECMA-262 subset, anchored) a string must match.
  public var pattern: String?
  /// Whether `pattern` ignores ASCII case.
  public var caseInsensitive: Bool
  /// What `pattern` means, in words, for messages.
  public var patternHint: String?
  /// Words to suggest from when `pattern` does not match.
  public var suggestions: [String]
  /// Length bounds of a string, in Unicode scalars.
  public var minLength: Int?
  /// Length bounds of a string, in Unicode scalars.
  public var maxLength: Int?
  /// Fewest items in a list.
  public var minItems: Int?
  /// Whether `${var.…}` and `${env.…}` are substituted in this string.
  public var interpolated: Bool
  /// Whether the value must never appear in messages.
  public var secret: Bool

  /// Creates a schema.
  public init(
    _ shape: Shape, summary: String = "", label: String? = nil, enumValues: [String]? = nil,
    pattern: String? = nil, caseInsensitive: Bool = false, patternHint: String? = nil,
    suggestions: [String] = [], minLength: Int? = nil, maxLength: Int? = nil,
    minItems: Int? = nil, interpolated: Bool = true, secret: Bool = false
  ) {
    self.shape = shape
    self.summary = summary
    self.label = label
    self.enumValues = enumValues
    self.pattern = pattern
    self.caseInsensitive = caseInsensitive
    self.patternHint = patternHint
    self.suggestions = suggestions
    self.minLength = minLength
    self.maxLength = maxLength
    self.minItems = minItems
    self.interpolated = interpolated
    self.secret = secret
  }

  /// A string.
  public static func string(_ summary: String = "", interpolated: Bool = true) -> FieldSchema {
    FieldSchema(.string, summary: summary, interpolated: interpolated)
  }

  /// A boolean.
  public static func boolean(_ summary: String = "") -> FieldSchema {
    FieldSchema(.boolean, summary: summary)
  }

  /// A string that must be one of `values`.
  public static func oneOf(_ values: [String], _ summary: String = "", interpolated: Bool = true)
    -> FieldSchema
  {
    FieldSchema(.string, summary: summary, enumValues: values, interpolated: interpolated)
  }

  /// An object with the given fields.
  public static func object(_ label: String, _ fields: [Field], summary: String = "")
    -> FieldSchema
  {
    FieldSchema(.object(fields), summary: summary, label: label)
  }

  /// The fields, if this is an object.
  public var fields: [Field]? {
    if case .object(let fields) = shape { return fields }
    return nil
  }

  /// Whether any check applies to the string's value (enum, pattern or length).
  var hasValueChecks: Bool {
    enumValues != nil || pattern != nil || minLength != nil || maxLength != nil
  }
}
