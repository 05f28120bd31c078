import HehoManifest

/// One resource as the platform reports it, normalized for diffing.
public struct LiveResource: Sendable, Hashable, Codable {
  /// The resource's address (kind and name: names are identity).
  public var address: ResourceAddress
  /// The platform's ID (for kinds identified by name, the name).
  public var id: String
  /// Normalized fields, comparable with `DesiredItem.fields`.
  public var fields: [String: Value]
  /// Live resources this one refers to (a chatbot's data tables).
  public var dependencies: [ResourceAddress]
  /// For a data kind: the records its container holds now (`Provider.fetchRecords`).
  public var records: [Record]?

  /// Creates a live resource.
  public init(
    address: ResourceAddress, id: String, fields: [String: Value],
    dependencies: [ResourceAddress] = [], records: [Record]? = nil
  ) {
    self.records = records
    self.address = address
    self.id = id
    self.fields = fields
    self.dependencies = dependencies
  }
}

/// Everything the platform reported, and how many reads it took.
public struct LiveState: Sendable, Hashable, Codable {
  /// Live resources in a deterministic order.
  public var resources: [LiveResource]
  /// Read requests made to fetch it.
  public var readsMade: Int

  /// Creates a live state.
  public init(resources: [LiveResource], readsMade: Int) {
    self.resources = resources
    self.readsMade = readsMade
  }
}

extension LiveState {
  /// The live states of several platforms as one: resources in the order given, reads summed.
  public static func merged(_ parts: [LiveState]) -> LiveState {
    LiveState(
      resources: parts.flatMap(\.resources), readsMade: parts.reduce(0) { $0 + $1.readsMade })
  }
}
