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
  public var inPlaceFields: Set<String>
  /// Whether the kind exists only in manifests and is folded into another kind's resources.
  public var manifestOnly: Bool
  /// Whether deleting a resource of this kind deletes, on the platform, the live resources
  /// that depend on it (a BotHero bot's documents and webhooks); the plan names them.
  public var deletesDependents: Bool

  /// Creates a kind behavior.
  public init(
    kind: String, platform: String = "", holdsData: Bool = false,
    replacementChangesIdentity: Bool = false,
    replacementReason: String, inPlaceFields: Set<String> = [], manifestOnly: Bool = false,
    deletesDependents: Bool = false
  ) {
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
