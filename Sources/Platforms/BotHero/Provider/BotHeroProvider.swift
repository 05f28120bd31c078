import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// The BotHero platform: bots and webhooks, both updated in place (PATCH, changed fields only),
/// both keeping their IDs. A webhook's secret is write-only: sent when it changes, compared by
/// the platform's salted fingerprint, never kept beyond the run.
public struct BotHeroProvider: PlatformProvider {
  /// The client used for every request.
  let client: APIClient
  /// The endpoint the client reaches, as recorded in plans.
  public let endpoint: String
  /// Creates that never duplicate, deletes, calls.
  public let writes: PlatformWrites
  let secrets = WriteOnlySecrets()
  let bots = BotDirectory()
  let hints = SecretHints()
  /// Whether HehoLocal serves the platform, whose delivery log `webhookDelivered` reads.
  let localExtras: Bool
  /// How a `webhookDelivered` check waits for a delivery.
  var deliveryPolling = DeliveryPolling.standard

  /// Creates a provider for the platform reached through `access`.
  public init(access: PlatformAccess) {
    client = access.client()
    endpoint = access.endpoint.absoluteString
    writes = PlatformWrites(client: client, displayName: "BotHero")
    localExtras = access.localExtras
  }

  public var name: String { BotHeroDescriptor.platformName }

  public var kinds: [KindBehavior] { BotHeroKind.allCases.map(behavior) }

  /// How the engine treats each kind.
  func behavior(of kind: BotHeroKind) -> KindBehavior {
    let references = ["bot": BotHeroKind.bot.addressKind]
    return switch kind {
    case .bot:
      KindBehavior(
        kind: kind.addressKind, platform: name,
        replacementReason: "never: every bot field updates in place",
        inPlaceFields: Set(BotHeroCompiler.botFields.map(\.field) + ["name"]),
        deletesDependents: true, conversationRole: .conversational)
    case .knowledgeDocument:
      KindBehavior(
        kind: kind.addressKind, platform: name, replacementChangesIdentity: true,
        replacementReason: "BotHero has no update for knowledge documents: it is deleted and "
          + "uploaded again", referenceFields: references, conversationRole: .document)
    case .knowledgeBase:
      KindBehavior(
        kind: kind.addressKind, platform: name,
        replacementReason: "a knowledge base is its documents", manifestOnly: true)
    case .webhook:
      KindBehavior(
        kind: kind.addressKind, platform: name,
        replacementReason: "never: every webhook field updates in place",
        inPlaceFields: Set(BotHeroCompiler.webhookFields.map(\.field) + ["name"]),
        referenceFields: references, conversationRole: .webhook)
    }
  }

  public func compile(_ state: DesiredState) throws -> CompiledDesiredState {
    try BotHeroCompiler(secrets: secrets).compile(state)
  }

  public func fetchLiveState() async throws -> LiveState {
    let before = client.counter.reads
    async let botList = listBots()
    async let webhookList = listWebhooks()
    async let documentList = listDocuments()
    let (listedBots, listedWebhooks, listedDocuments) = try await (
      botList, webhookList, documentList
    )
    bots.reset(listedBots.map { ($0.name, $0.id) })
    let resources =
      listedBots.map(BotHeroNormalizer.bot)
      + listedDocuments.map { BotHeroNormalizer.document($0, bots: bots) }
      + listedWebhooks.map { BotHeroNormalizer.webhook($0, bots: bots, hints: hints) }
    return LiveState(resources: resources, readsMade: client.counter.reads - before)
  }

  /// A webhook whose manifest gives a secret is compared by fingerprint: unchanged, the field
  /// matches the live one; otherwise it reads `(changed, write-only)`. A webhook whose manifest
  /// gives none leaves the platform's secret alone.
  public func reconcile(_ item: DesiredItem, with live: LiveResource) -> DesiredItem {
    guard BotHeroKind(addressKind: item.address.kind) == .webhook else { return item }
    var item = item
    guard item.fields["secret"] != nil else {
      item.fields["secret"] = live.fields["secret"]
      return item
    }
    let secret = secrets.secret(for: item.address)
    let hint = hints.hint(forWebhook: live.id)
    if let secret, let hint, WriteOnlySecrets.matches(secret, hint: hint) { return item }
    item.fields["secret"] = .string(WriteOnlySecrets.changed)
    return item
  }

  public func outputs(of resource: LiveResource) async throws -> [String: Value] {
    BotHeroKind(addressKind: resource.address.kind) == .webhook
      ? ["signed": .bool(resource.fields["secret"] != nil)] : [:]
  }

  public func explain(_ change: FieldChange, of address: ResourceAddress) -> String? {
    if change.field == "secret" && change.after == .string(WriteOnlySecrets.changed) {
      return "the signing secret differs from the platform's (write-only: compared by fingerprint)"
    }
    if change.field == "sha256", BotHeroKind(addressKind: address.kind) == .knowledgeDocument,
      let before = change.before?.stringValue, let after = change.after?.stringValue
    {
      return "content changed: sha256 \(before.prefix(12))… → \(after.prefix(12))…"
    }
    return nil
  }

  func listBots() async throws -> [BotWire] {
    let request = HTTPRequest(method: "GET", path: BotHeroPaths.bots)
    let response = try await writes.call(
      request, idempotent: true, write: false, doing: "listing bots")
    return try decode(BotHeroPage<BotWire>.self, from: response, for: request).data
  }

  func listWebhooks() async throws -> [WebhookWire] {
    let request = HTTPRequest(method: "GET", path: BotHeroPaths.webhooks)
    let response = try await writes.call(
      request, idempotent: true, write: false, doing: "listing webhooks")
    return try decode(BotHeroPage<WebhookWire>.self, from: response, for: request).data
  }

  func listDocuments() async throws -> [DocumentWire] {
    let request = HTTPRequest(method: "GET", path: BotHeroPaths.documents)
    let response = try await writes.call(
      request, idempotent: true, write: false, doing: "listing knowledge documents")
    return try decode(BotHeroPage<DocumentWire>.self, from: response, for: request).data
  }

  /// A document's content as uploaded and its content type (the contract's
  /// `GET /knowledge/:id/content`).
  func documentContent(id: String) async throws -> (content: Data, contentType: String?) {
    let request = HTTPRequest(method: "GET", path: "\(BotHeroPaths.knowledge)/\(id)/content")
    let response = try await writes.call(
      request, idempotent: true, write: false, doing: "reading knowledge document \(id)")
    return (response.body, response.headers["content-type"])
  }

}
