/// One resource as the manifests declare it, after validation and resolution.
///
/// `spec` holds only what the user wrote (resolved: variables substituted,
/// `descriptionFile` replaced by `description`); defaults are the provider's business.
public struct DesiredResource: Sendable, Hashable, Codable {
  /// `kind/name`.
  public var address: ResourceAddress
  /// The kind as written in the manifest (`Table`, `Chatbot`, `Permission`).
  public var kind: String
  /// The resolved spec.
  public var spec: [String: Value]
  /// The guards from the document's `lifecycle` block.
  public var lifecycle: Lifecycle
  /// Where the document starts (its `kind:` line).
  public var location: SourceLocation
  /// Where each field of the document was written, as the loader recorded it.
  var locations: FieldLocations
  /// Resources this one names (a Permission's chatbot and table): edges in the graph.
  public var references: [ResourceAddress]
  /// `metadata.previousNames`: names the resource had before, newest first as written. The
  /// plan renames a live resource found under one of them instead of replacing it.
  public var previousNames: [String]

  /// Creates a desired resource.
  public init(
    kind: String, name: String, spec: [String: Value], lifecycle: Lifecycle = Lifecycle(),
    location: SourceLocation, fieldLocations: [String: SourceLocation] = [:],
    references: [ResourceAddress] = [], previousNames: [String] = []
  ) {
    self.previousNames = previousNames
    self.address = ResourceAddress(kind: kind, name: name)
    self.kind = kind
    self.spec = spec
    self.lifecycle = lifecycle
    self.location = location
    var locations = FieldLocations()
    for (path, location) in fieldLocations {
      locations.append(
        parent: -1, .path("spec.\(path)"), FieldLocation(key: location, value: location))
    }
    self.locations = locations
    self.references = references
  }

  /// Where each spec field was written, keyed by field path (`tone`, `columns[1].type`): worked
  /// out when asked (for a message), not kept for every resource.
  public var fieldLocations: [String: SourceLocation] { locations.specFields }

  /// `metadata.name`.
  public var name: String { address.name }
}
