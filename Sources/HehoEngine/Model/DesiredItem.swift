import HehoManifest

/// One resource the provider will manage, compiled from the manifests and normalized for diffing.
///
/// Several manifest resources may fold into one item (a provider may compile permission
/// documents into the fields of the resource they grant access on); `sources` lists them.
public struct DesiredItem: Sendable, Hashable, Codable {
  /// How the resource comes to be on the platform.
  public enum Mode: String, Sendable, Hashable, Codable {
    /// heho creates it, and may replace or delete it.
    case create
    /// It already exists outside the platform's management; heho connects it and never drops it.
    case connect
  }

  /// The resource's address.
  public var address: ResourceAddress
  /// How it comes to be on the platform.
  public var mode: Mode
  /// Normalized fields compared with the live resource's fields.
  public var fields: [String: Value]
  /// What the provider needs to create it (may hold fields the platform cannot report back).
  public var payload: [String: Value]
  /// Resources that must exist before this one (e.g. tables a chatbot uses).
  public var dependencies: [ResourceAddress]
  /// Manifest resources folded into this item, itself first.
  public var sources: [ResourceAddress]
  /// Guards from the manifest.
  public var lifecycle: Lifecycle
  /// Where the resource is declared.
  public var location: SourceLocation?
  /// Names the resource had before (`metadata.previousNames`): a live resource under one of
  /// them is renamed rather than replaced. The planner fills it in from the manifests.
  public var previousNames: [String] = []
  /// For a data kind (`KindBehavior.recordContainer`): the records it declares.
  public var records: RecordSet?

  /// Creates a desired item.
  public init(
    address: ResourceAddress, mode: Mode = .create, fields: [String: Value],
    payload: [String: Value], dependencies: [ResourceAddress] = [],
    sources: [ResourceAddress] = [], lifecycle: Lifecycle = Lifecycle(),
    location: SourceLocation? = nil
  ) {
    self.address = address
    self.mode = mode
    self.fields = fields
    self.payload = payload
    self.dependencies = dependencies
    self.sources = sources.isEmpty ? [address] : sources
    self.lifecycle = lifecycle
    self.location = location
  }
}

/// What a provider compiles from the manifests: its items and any notes for the plan.
public struct CompiledDesiredState: Sendable, Hashable {
  /// Items in a deterministic order.
  public var items: [DesiredItem]
  /// Notes shown once in the plan (e.g. fields the platform cannot report back).
  public var notes: [String]

  /// Creates a compiled desired state.
  public init(items: [DesiredItem], notes: [String] = []) {
    self.items = items
    self.notes = notes
  }
}
