import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// The Heppu platform: voice and chat agents, updated in place (PATCH, changed fields only),
/// deleted softly (the platform keeps them, unseen).
public struct HeppuProvider: PlatformProvider {
  /// The client used for every request.
  let client: APIClient
  /// The endpoint the client reaches, as recorded in plans.
  public let endpoint: String
  /// Creates that never duplicate, deletes, calls.
  public let writes: PlatformWrites
  /// Whether HehoLocal serves the platform, whose test chat conversation tests use (Heppu
  /// itself has no conversation API).
  let localExtras: Bool
  /// Agents per list page (the contract's most).
  static let pageSize = 100

  /// Creates a provider for the platform reached through `access`.
  public init(access: PlatformAccess) {
    client = access.client()
    endpoint = access.endpoint.absoluteString
    writes = PlatformWrites(client: client, displayName: "Heppu")
    localExtras = access.localExtras
  }

  public var name: String { HeppuDescriptor.platformName }

  public var kinds: [KindBehavior] { HeppuKind.allCases.map(behavior) }

  /// How the engine treats each kind.
  func behavior(of kind: HeppuKind) -> KindBehavior {
    switch kind {
    case .agent:
      KindBehavior(
        kind: kind.addressKind, platform: name, replacementChangesIdentity: true,
        replacementReason: "Heppu cannot change an agent's type: it is deleted (softly) and "
          + "created again",
        inPlaceFields: Set(HeppuCompiler.members.filter { $0 != "type" } + ["name"]),
        softDelete: true, exclusiveFields: ["phoneNumbers"], conversationRole: .conversational)
    }
  }

  public func compile(_ state: DesiredState) throws -> CompiledDesiredState {
    HeppuCompiler().compile(state)
  }

  /// Every live agent: the first page, then the others at once.
  public func fetchLiveState() async throws -> LiveState {
    let before = client.counter.reads
    let first = try await listPage(1)
    var agents = first.data
    let pages = first.pagination?.totalPages ?? 1
    if pages > 1 {
      agents += try await withThrowingTaskGroup(of: (Int, [AgentWire]).self) { group in
        for page in 2...pages { group.addTask { (page, try await listPage(page).data) } }
        var byPage: [Int: [AgentWire]] = [:]
        for try await (page, list) in group { byPage[page] = list }
        return byPage.keys.sorted().flatMap { byPage[$0] ?? [] }
      }
    }
    return LiveState(
      resources: agents.map(HeppuNormalizer.agent), readsMade: client.counter.reads - before)
  }

  /// `training` is the platform's own status: while an agent trains, its status is no diff.
  public func reconcile(_ item: DesiredItem, with live: LiveResource) -> DesiredItem {
    guard live.fields["status"] == .string("training") else { return item }
    var item = item
    item.fields["status"] = .string("training")
    return item
  }

  /// A chat agent's embed code, read from `GET /agents/:id/embed` (a platform without it gives
  /// none).
  public func outputs(of resource: LiveResource) async throws -> [String: Value] {
    guard resource.fields["type"] == .string("chat") else { return [:] }
    let request = HTTPRequest(method: "GET", path: "/agents/\(resource.id)/embed")
    do {
      let response = try await writes.call(
        request, idempotent: true, write: false,
        doing: "reading the embed code of \(resource.address)")
      return [
        "embedCode": .string(
          try decode(HeppuEnvelope<AgentEmbed>.self, from: response, for: request).data.embedCode)
      ]
    } catch let error as ProviderError where error.status == 404 {
      return [:]
    }
  }

  public func explain(_ change: FieldChange, of address: ResourceAddress) -> String? {
    if change.field == "type" && change.before != nil {
      return "Heppu cannot change an agent's type; a new agent replaces it"
    }
    return nil
  }

  func listPage(_ page: Int) async throws -> HeppuEnvelope<[AgentWire]> {
    let request = HTTPRequest(
      method: "GET", path: "/agents?limit=\(Self.pageSize)&page=\(page)")
    let response = try await writes.call(
      request, idempotent: true, write: false, doing: "listing agents (page \(page))")
    return try decode(HeppuEnvelope<[AgentWire]>.self, from: response, for: request)
  }

}
