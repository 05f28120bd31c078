import HehoManifest

/// A platform heho manages: its kinds, how it reads live state and how it performs writes.
///
/// The engine plans and applies through this protocol only; it never names a platform or a kind.
/// A provider whose kinds hold records (a table's rows) also adopts `RecordProvider`.
///
/// Call order: `compile` and `fetchLiveState` come first in every run, and a provider may keep
/// what they learned for the calls after them. `reconcile`, `perform`, `outputs` and
/// `openConversation` may read it: BotHero keeps this run's webhook secrets from `compile`
/// (they are never in a plan file), and its bots' IDs by name from `fetchLiveState`. The
/// planner calls both before it reconciles; `heho apply` of a saved plan re-reads the live
/// state (the fingerprint check) and compiles the manifests again before its first write.
public protocol Provider: Sendable {
  /// The provider's name, as in the project's `providers` map (`heho`).
  var name: String { get }
  /// The platforms behind it, each with the endpoint it reaches (one, except for a group).
  var platforms: [PlatformEndpoint] { get }
  /// The kinds it manages, in dependency order (a kind before the kinds that use it).
  var kinds: [KindBehavior] { get }
  /// Compiles and normalizes the manifests' resources into the items it manages.
  func compile(_ state: DesiredState) throws -> CompiledDesiredState
  /// Reads every collection (one list call each, concurrently) and normalizes the results.
  func fetchLiveState() async throws -> LiveState
  /// Performs one write; throws a `ProviderError` with the platform's message on failure.
  func perform(_ step: ApplyStep) async throws -> StepResult
  /// A sentence explaining a field change, when the provider has a better one than the diff.
  func explain(_ change: FieldChange, of address: ResourceAddress) -> String?
  /// Values the platform assigned a live resource beyond its ID (an embed code), for
  /// `heho output`; may read them from the platform (one call).
  func outputs(of resource: LiveResource) async throws -> [String: Value]
  /// How the create of `item` shows compactly, one line per part as the user wrote it (a
  /// table's columns: name, type, flags); `nil` shows every field. Asked only for creates.
  func outline(of item: DesiredItem) -> [String]?
  /// `item` as it is compared with `live`, its live resource: a write-only field (a secret the
  /// platform never returns) is made comparable with what the platform does return about it
  /// (a salted fingerprint). Called only for matched pairs; the default changes nothing.
  func reconcile(_ item: DesiredItem, with live: LiveResource) -> DesiredItem
  /// Opens a test conversation with `target`, a live resource of one of its kinds (`live` is
  /// the whole live state, for the names a check refers to: a webhook's). A kind that does not
  /// converse, or a platform with no conversation API, answers `.notRunnable` with the reason.
  func openConversation(with target: LiveResource, live: LiveState) async throws
    -> ConversationOpening
}

extension Provider {
  /// No values beyond the ID.
  public func outputs(of resource: LiveResource) async throws -> [String: Value] { [:] }

  /// Every field, no outline.
  public func outline(of item: DesiredItem) -> [String]? { nil }

  /// The diff says it best.
  public func explain(_ change: FieldChange, of address: ResourceAddress) -> String? { nil }

  /// No conversations.
  public func openConversation(with target: LiveResource, live: LiveState) async throws
    -> ConversationOpening
  {
    .doesNotConverse(target, on: name)
  }

  /// No write-only fields: compared as compiled.
  public func reconcile(_ item: DesiredItem, with live: LiveResource) -> DesiredItem { item }

  /// The behavior of `kind`, if the provider manages it.
  public func behavior(of kind: String) -> KindBehavior? {
    kinds.first { $0.kind == kind.lowercased() }
  }

  /// The provider's records: itself when it adopts `RecordProvider`, else one that holds none
  /// and refuses to pretend otherwise (`NoRecords`).
  public var records: any RecordProvider {
    (self as? any RecordProvider) ?? NoRecords(provider: self)
  }
}

/// A failure a provider reports: already phrased for the user and free of secrets.
public struct ProviderError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong and, where known, what would be right.
  public var message: String
  /// The HTTP status or similar code, when there is one.
  public var status: Int?

  /// Creates a provider error.
  public init(_ message: String, status: Int? = nil) {
    self.message = message
    self.status = status
  }

  public var description: String { message }
}

/// What a successful write produced.
public struct StepResult: Sendable, Hashable {
  /// The platform ID of the created or connected resource, when known.
  public var liveID: String?
  /// Whether an existing resource was adopted after a write whose outcome was unknown.
  public var adopted: Bool

  /// Creates a step result.
  public init(liveID: String? = nil, adopted: Bool = false) {
    self.liveID = liveID
    self.adopted = adopted
  }
}
