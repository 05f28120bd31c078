import HehoManifest

/// One write in the apply graph. A replace is two steps: delete, then create.
public struct ApplyStep: Sendable, Hashable, Codable, Identifiable {
  /// The write to make.
  public enum Action: String, Sendable, Hashable, Codable {
    case connect, create, update, delete
    /// A copy-migration (`ApplyStep.migration`): back up, drop, create, restore, verify.
    case migrate
  }

  /// The write to make.
  public var action: Action
  /// The resource it writes.
  public var address: ResourceAddress
  /// The platform the resource is on (`heho`).
  public var platform: String
  /// The live resource's ID (deletes and updates).
  public var liveID: String?
  /// What the provider needs to make the write (creates, connects, updates).
  public var payload: [String: Value]
  /// IDs of the steps that must succeed first.
  public var dependsOn: [String]
  /// For an update: the top-level fields that change (`welcome_message`), so that a platform
  /// with partial updates (PATCH) sends only those.
  public var changedFields: [String]
  /// A part of an operation that takes more than one step of one action (an update that first
  /// releases values others take: `release phoneNumbers`); part of the step's ID.
  public var phase: String?
  /// For a write of one record of a data kind's resource: where it is kept and what changes.
  public var record: RecordWrite?
  /// For a copy-migration: what to carry over (the payload creates the resource anew).
  public var migration: MigrationPlan?

  /// Creates a step.
  public init(
    action: Action, address: ResourceAddress, platform: String = "", liveID: String? = nil,
    payload: [String: Value] = [:], dependsOn: [String] = [], changedFields: [String] = [],
    phase: String? = nil, record: RecordWrite? = nil
  ) {
    self.record = record
    self.phase = phase
    self.changedFields = changedFields
    self.action = action
    self.address = address
    self.platform = platform
    self.liveID = liveID
    self.payload = payload
    self.dependsOn = dependsOn
  }

  /// `action kind/name`, unique within a plan.
  public var id: String {
    "\(action.rawValue) \(address)" + (phase.map { " (\($0))" } ?? "")
  }

  /// The payload's entries for the fields that change (an update's PATCH body).
  public var changedPayload: [String: Value] {
    payload.filter { changedFields.contains($0.key) }
  }
}
