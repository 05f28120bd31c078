/// A kind of resource that manifests declare (`Table`, `Chatbot`, `Permission`).
///
/// Adding a kind means adding one type that conforms to this protocol and listing it in a
/// `KindRegistry`: the loader, the cross-resource checks and the JSON Schema generator read
/// everything they need from here.
public protocol ManifestKind: Sendable {
  /// The kind as written in manifests (`Chatbot`).
  var name: String { get }
  /// One line about the kind, for editors.
  var summary: String { get }
  /// Constraints on `metadata.name`.
  var nameSchema: FieldSchema { get }
  /// The schema of `spec` (an object).
  var specSchema: FieldSchema { get }
  /// Spec fields that name other resources, and the kind each names (`chatbot` → `Chatbot`).
  var referenceFields: [(field: String, kind: String)] { get }
  /// Extra JSON Schema keywords for `spec` expressing rules across fields
  /// (`oneOf`, `if`/`then`), kept in step with `validate`.
  var specJSONSchemaExtras: [String: Value] { get }
  /// Rules over all resources at once (limits, uniqueness of pairs).
  var setRules: [any ResourceSetRule] { get }
  /// The spec field naming a data file the kind reads records from (`file` for a TableData),
  /// if any: such a file is data, not a manifest, even when the document has errors.
  var dataFileField: String? { get }
  /// Whether a resource of the kind holds conversations (a chatbot, a bot, an agent): only
  /// such a resource can be the `target` of a `ConversationTest`, which talks to it.
  var converses: Bool { get }
  /// Whether the platform delivers events to a resource of the kind (a webhook): a
  /// `ConversationTest`'s `webhookDelivered` expectation names one, to see what reached it.
  var deliversEvents: Bool { get }

  /// Completes the spec after interpolation, e.g. reads files it names.
  func resolve(_ draft: inout ResourceDraft, diagnostics: inout [Diagnostic])
  /// Checks rules across the fields of one resource.
  func validate(_ draft: ResourceDraft, diagnostics: inout [Diagnostic])
}

extension ManifestKind {
  /// No references.
  public var referenceFields: [(field: String, kind: String)] { [] }
  /// No extra keywords.
  public var specJSONSchemaExtras: [String: Value] { [:] }
  /// No set rules.
  public var setRules: [any ResourceSetRule] { [] }
  /// No data files.
  public var dataFileField: String? { nil }
  /// Holds no conversations.
  public var converses: Bool { false }
  /// Receives no events.
  public var deliversEvents: Bool { false }
  /// Nothing to resolve.
  public func resolve(_ draft: inout ResourceDraft, diagnostics: inout [Diagnostic]) {}
  /// Nothing to check.
  public func validate(_ draft: ResourceDraft, diagnostics: inout [Diagnostic]) {}

  /// The names of the spec's fields.
  public var specFieldNames: [String] { specSchema.fields?.map(\.name) ?? [] }
}

/// A rule checked over every resource of the manifests together.
public protocol ResourceSetRule: Sendable {
  /// The problems the rule finds among `drafts` (all kinds, in load order).
  func check(_ drafts: [ResourceDraft]) -> [Diagnostic]
  /// `check(_:)`, knowing the resources that are declared but not among `drafts` because
  /// their documents have errors of their own: a rule that looks resources up by name says
  /// nothing about those (their errors say what is wrong).
  func check(_ drafts: [ResourceDraft], unloaded: Set<ResourceAddress>) -> [Diagnostic]
}

extension ResourceSetRule {
  /// `check(_:)`: most rules look at the loaded resources only.
  public func check(_ drafts: [ResourceDraft], unloaded: Set<ResourceAddress>) -> [Diagnostic] {
    check(drafts)
  }
}
