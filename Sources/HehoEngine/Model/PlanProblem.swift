import HehoManifest

/// A reason the plan cannot be applied. All problems are found and listed before any write.
public struct PlanProblem: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The kind of problem.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// The operation would lose records and data loss is not allowed.
    case dataLoss = "data_loss"
    /// The resource's `lifecycle.preventDestroy` refuses a delete or replace.
    case preventDestroy = "prevent_destroy"
    /// The platform holds several resources with this name.
    case ambiguous
    /// The manifests cannot be compiled for the platform.
    case invalid
  }

  /// The kind of problem.
  public var kind: Kind
  /// The resource concerned.
  public var address: ResourceAddress?
  /// The platform of the resource concerned ("" when none is).
  public var platform: String
  /// What is wrong and what would make it right.
  public var message: String

  /// Creates a problem.
  public init(_ kind: Kind, address: ResourceAddress?, platform: String = "", message: String) {
    self.kind = kind
    self.address = address
    self.platform = platform
    self.message = message
  }

  public var description: String {
    guard let address else { return message }
    return "\(address): \(message)"
  }
}

/// A live resource that no manifest names.
public struct UnmanagedResource: Sendable, Hashable, Codable {
  /// Its address.
  public var address: ResourceAddress
  /// The platform it is on (`heho`).
  public var platform: String
  /// Its platform ID.
  public var liveID: String
  /// Whether the plan deletes it (the project prunes).
  public var pruned: Bool

  /// Creates an unmanaged entry.
  public init(address: ResourceAddress, platform: String = "", liveID: String, pruned: Bool) {
    self.address = address
    self.platform = platform
    self.liveID = liveID
    self.pruned = pruned
  }

  enum CodingKeys: String, CodingKey {
    case address, platform
    case liveID = "live_id"
    case pruned
  }
}
