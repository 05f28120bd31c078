import HehoManifest

/// One field's value before and after an operation.
public struct FieldChange: Sendable, Hashable, Codable {
  /// The field's path (`tone`, `columns.price.type`).
  public var field: String
  /// The live value; `nil` when the field is new.
  public var before: Value?
  /// The desired value; `nil` when the field goes away.
  public var after: Value?
  /// Whether the change cannot be made in place.
  public var forcesReplacement: Bool
  /// A sentence saying what the change means, when the provider has one.
  public var explanation: String?

  /// Creates a field change.
  public init(
    field: String, before: Value?, after: Value?, forcesReplacement: Bool = false,
    explanation: String? = nil
  ) {
    self.field = field
    self.before = before
    self.after = after
    self.forcesReplacement = forcesReplacement
    self.explanation = explanation
  }

  enum CodingKeys: String, CodingKey {
    case field, before, after
    case forcesReplacement = "forces_replacement"
    case explanation
  }
}
