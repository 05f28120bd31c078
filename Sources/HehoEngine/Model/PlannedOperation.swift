import HehoManifest

/// What the plan will do to one resource, and why.
public struct PlannedOperation: Sendable, Hashable, Codable {
  /// The kind of operation.
  public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
    case connect
    case create
    case update
    case replace
    /// A change the platform cannot make in place, made by copying the records over: back
    /// up, drop, create, restore, verify (`PlannedOperation.migration`).
    case migrate
    case delete
    case noop = "no-op"
  }

  /// The resource's address.
  public var address: ResourceAddress
  /// The platform the resource is on (`heho`).
  public var platform: String
  /// The operation.
  public var action: Action
  /// The live resource's ID, when it exists.
  public var liveID: String?
  /// Field-level changes (all fields for a create, none for a delete).
  public var changes: [FieldChange]
  /// What forces a replacement, or why an operation was added.
  public var reasons: [String]
  /// Risks the user should know of (an ID that changes, rows that are lost).
  public var warnings: [String]
  /// Records a drop or replace loses, when counted.
  public var recordsLost: Int?
  /// Manifest resources this operation carries out (the resource and what folds into it).
  public var sources: [ResourceAddress]
  /// Desired resources that must exist first.
  public var dependsOn: [ResourceAddress]
  /// Live resources the current live resource refers to (ordering deletes).
  public var liveDependsOn: [ResourceAddress]
  /// What a create, connect or update sends.
  public var payload: [String: Value]?
  /// How a create shows compactly, one line per part (the provider's outline); the text and
  /// Markdown plans show it instead of every field, the JSON plan has both.
  public var outline: [String]?
  /// The live resource's name when the operation renames it (`metadata.previousNames`): an
  /// update renames in place; a replace deletes the resource under this name.
  public var renamedFrom: String?
  /// Values of exclusive fields (`KindBehavior.exclusiveFields`) the operation takes from
  /// nobody or from another resource, as `field=value`; `nil` when none.
  public var takes: [String]?
  /// Values of exclusive fields the operation gives up, as `field=value`; `nil` when none.
  public var releases: [String]?
  /// Live differences hidden by `lifecycle.ignoreChanges`, each with the manifest's reason as
  /// its explanation; `nil` when there are none.
  public var ignored: [FieldChange]?
  /// For a data kind: the records to add, edit and delete, each a write of its own.
  public var records: RecordPlan?
  /// For a migration: what is carried over, what is lost, and where a stopped one resumes.
  public var migration: MigrationPlan?

  /// Creates a planned operation.
  public init(
    address: ResourceAddress, platform: String = "", action: Action, liveID: String? = nil,
    changes: [FieldChange] = [],
    reasons: [String] = [], warnings: [String] = [], recordsLost: Int? = nil,
    sources: [ResourceAddress] = [], dependsOn: [ResourceAddress] = [],
    liveDependsOn: [ResourceAddress] = [], payload: [String: Value]? = nil
  ) {
    self.address = address
    self.platform = platform
    self.action = action
    self.liveID = liveID
    self.changes = changes
    self.reasons = reasons
    self.warnings = warnings
    self.recordsLost = recordsLost
    self.sources = sources.isEmpty ? [address] : sources
    self.dependsOn = dependsOn
    self.liveDependsOn = liveDependsOn
    self.payload = payload
  }

  /// The address the live resource has now: under its previous name when the operation
  /// renames it.
  public var liveAddress: ResourceAddress {
    renamedFrom.map { ResourceAddress(kind: address.kind, name: $0) } ?? address
  }

  /// The number of write requests the operation makes.
  public var writeCount: Int {
    if let records { return records.changes.count }
    switch action {
    case .noop: return 0
    case .replace: return 2
    case .migrate: return (migration?.resume == nil ? 2 : 0) + (migration?.rowsKept ?? 0)
    default: return 1
    }
  }

  enum CodingKeys: String, CodingKey {
    case address, platform, action
    case liveID = "live_id"
    case changes, reasons, warnings
    case recordsLost = "records_lost"
    case sources
    case dependsOn = "depends_on"
    case liveDependsOn = "live_depends_on"
    case payload, ignored, outline
    case renamedFrom = "renamed_from"
    case takes, releases, records, migration
  }
}
