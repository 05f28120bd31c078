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

  /// What the schema says, kept in one shared, immutable box: schemas are copied for every
  /// field of every document validated, and a copy is then one reference, not fourteen.
  private var storage: Storage

  /// The shape.
  public var shape: Shape {
    get { storage.values.shape }
    set { update { $0.shape = newValue } }
  }
  /// What the field is, for editors and messages.
  public var summary: String {
    get { storage.values.summary }
    set { update { $0.summary = newValue } }
  }
  /// For objects: how messages name them (`Chatbot spec`, `column`).
  public var label: String? {
    get { storage.values.label }
    set { update { $0.label = newValue } }
  }
  /// Allowed values of a string (checked after interpolation).
  public var enumValues: [String]? {
    get { storage.values.enumValues }
    set { update { $0.enumValues = newValue } }
  }
  /// A regular expression (ECMA-262 subset, anchored) a string must match.
  public var pattern: String? {
    get { storage.values.pattern }
    set { update { $0.pattern = newValue } }
  }
  /// Whether `pattern` ignores ASCII case.
  public var caseInsensitive: Bool {
    get { storage.values.caseInsensitive }
    set { update { $0.caseInsensitive = newValue } }
  }
  /// What `pattern` means, in words, for messages.
  public var patternHint: String? {
    get { storage.values.patternHint }
    set { update { $0.patternHint = newValue } }
  }
  /// Words to suggest from when `pattern` does not match.
  public var suggestions: [String] {
    get { storage.values.suggestions }
    set { update { $0.suggestions = newValue } }
  }
  /// Length bounds of a string, in Unicode scalars.
  public var minLength: Int? {
    get { storage.values.minLength }
    set { update { $0.minLength = newValue } }
  }
  /// Length bounds of a string, in Unicode scalars.
  public var maxLength: Int? {
    get { storage.values.maxLength }
    set { update { $0.maxLength = newValue } }
  }
  /// Fewest items in a list.
  public var minItems: Int? {
    get { storage.values.minItems }
    set { update { $0.minItems = newValue } }
  }
  /// Most items in a list.
  public var maxItems: Int? {
    get { storage.values.maxItems }
    set { update { $0.maxItems = newValue } }
  }
  /// Whether `${var.…}` and `${env.…}` are substituted in this string.
  public var interpolated: Bool {
    get { storage.values.interpolated }
    set { update { $0.interpolated = newValue } }
  }
  /// Whether the value must never appear in messages.
  public var secret: Bool {
    get { storage.values.secret }
    set { update { $0.secret = newValue } }
  }

  /// `pattern` compiled to its byte-by-byte form, when it has the simple shape and is case
  /// sensitive: worked out once per schema, not once per value.
  var simplePattern: SimplePattern? { storage.simplePattern }

  /// Creates a schema.
  public init(
    _ shape: Shape, summary: String = "", label: String? = nil, enumValues: [String]? = nil,
    pattern: String? = nil, caseInsensitive: Bool = false, patternHint: String? = nil,
    suggestions: [String] = [], minLength: Int? = nil, maxLength: Int? = nil,
    minItems: Int? = nil, maxItems: Int? = nil, interpolated: Bool = true, secret: Bool = false
  ) {
    storage = Storage(
      Values(
        shape: shape, summary: summary, label: label, enumValues: enumValues, pattern: pattern,
        caseInsensitive: caseInsensitive, patternHint: patternHint, suggestions: suggestions,
        minLength: minLength, maxLength: maxLength, minItems: minItems, maxItems: maxItems,
        interpolated: interpolated, secret: secret))
  }

  /// Changes a copy of the values and boxes it anew (the box is shared, so never changed).
  private mutating func update(_ change: (inout Values) -> Void) {
    var values = storage.values
    change(&values)
    storage = Storage(values)
  }

  /// Everything a schema says.
  private struct Values: Sendable {
    var shape: Shape
    var summary: String
    var label: String?
    var enumValues: [String]?
    var pattern: String?
    var caseInsensitive: Bool
    var patternHint: String?
    var suggestions: [String]
    var minLength: Int?
    var maxLength: Int?
    var minItems: Int?
    var maxItems: Int?
    var interpolated: Bool
    var secret: Bool
  }

  /// The shared box: immutable, so sharing it between copies and threads is safe.
  private final class Storage: Sendable {
    let values: Values
    let simplePattern: SimplePattern?
    /// Whether any check applies to a string's value (enum, pattern or length).
    let hasValueChecks: Bool

    init(_ values: Values) {
      self.values = values
      simplePattern =
        values.caseInsensitive ? nil : values.pattern.flatMap { SimplePattern($0) }
      hasValueChecks =
        values.enumValues != nil || values.pattern != nil || values.minLength != nil
        || values.maxLength != nil
    }
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
  var hasValueChecks: Bool { storage.hasValueChecks }
}
