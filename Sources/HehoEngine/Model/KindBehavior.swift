/// How one resource kind of a provider behaves: what the engine must know to plan and order it.
public struct KindBehavior: Sendable, Hashable, Codable {
  /// The kind, lower-cased as in addresses (`table`).
  public var kind: String
  /// The platform the kind belongs to (`heho`); a provider group fills it in from its members.
  public var platform: String
  /// Whether resources of this kind hold records that a drop or replace loses.
  public var holdsData: Bool
  /// Whether replacing a resource of this kind gives it a new platform ID.
  public var replacementChangesIdentity: Bool
  /// Why a changed field that cannot update in place forces a replacement.
  public var replacementReason: String
  /// Fields the platform can change in place; any other changed field forces a replacement.
  /// `name` among them means the platform renames in place (`metadata.previousNames`).
  public var inPlaceFields: Set<String>
  /// Whether the kind exists only in manifests and is folded into another kind's resources.
  public var manifestOnly: Bool
  /// Whether deleting a resource of this kind deletes, on the platform, the live resources
  /// that depend on it (a BotHero bot's documents and webhooks); the plan names them.
  public var deletesDependents: Bool
  /// Normalized fields that name another resource, by the kind they name (a webhook's `bot`
  /// names a `bot`). When that resource is renamed in place, the platform's reference (an ID)
  /// follows it, so the plan reads the live field under the new name.
  public var referenceFields: [String: String]
  /// Whether a delete is soft: the platform keeps the resource, unseen by its lists (a Heppu
  /// agent). The plan says so.
  public var softDelete: Bool
  /// Fields whose values belong to one resource of the kind at a time (a Heppu agent's
  /// `phoneNumbers`); each is also the payload key that sets it. A value moving between
  /// resources is released before it is taken, and a value an unmanaged resource holds is
  /// refused.
  public var exclusiveFields: Set<String>
  /// For a data kind, the kind of the resource that keeps its records (a `tabledata`'s rows
  /// are in a `table`): its items carry `records`, and the plan adds, edits and deletes them
  /// one by one instead of writing the resource itself.
  public var recordContainer: String?
  /// What a data kind's records are called in plans, plural (`rows`).
  public var recordNoun: String
  /// For a data-holding kind whose records can be copied over when a change cannot be made in
  /// place (a table's copy-migration: back up, drop, create, restore, verify): how the plan
  /// explains it. `nil` means such a change replaces the resource and loses its records.
  public var migrationReason: String?
  /// What resources of the kind are to conversation tests (`heho test --coverage`): something
  /// tests talk to, a document replies cite, or a webhook tests expect deliveries on.
  public var conversationRole: ConversationRole?

  /// Creates a kind behavior.
  public init(
    kind: String, platform: String = "", holdsData: Bool = false,
    replacementChangesIdentity: Bool = false,
    replacementReason: String, inPlaceFields: Set<String> = [], manifestOnly: Bool = false,
    deletesDependents: Bool = false, referenceFields: [String: String] = [:],
    softDelete: Bool = false, exclusiveFields: Set<String> = [],
    recordContainer: String? = nil, recordNoun: String = "records",
    migrationReason: String? = nil, conversationRole: ConversationRole? = nil
  ) {
    self.conversationRole = conversationRole
    self.migrationReason = migrationReason
    self.recordContainer = recordContainer?.lowercased()
    self.recordNoun = recordNoun
    self.exclusiveFields = exclusiveFields
    self.softDelete = softDelete
    self.referenceFields = referenceFields
    self.deletesDependents = deletesDependents
    self.kind = kind.lowercased()
    self.platform = platform
    self.holdsData = holdsData
    self.replacementChangesIdentity = replacementChangesIdentity
    self.replacementReason = replacementReason
    self.inPlaceFields = inPlaceFields
    self.manifestOnly = manifestOnly
  }
}
