import Hummingbird
import LocalServerKit

/// BotHero's open stores and its routes.
struct BotHeroLocalPart: LocalPlatformPart {
  let shared: LocalSharedServices
  let bots: BotStore
  let webhooks: WebhookStore
  let tokens: TokenStore
  let documents: DocumentStore
  let conversations: ConversationStore
  let deliveries: DeliveryStore
  let queue: DeliveryQueue
  let maximumDocumentSize: Int

  init(shared: LocalSharedServices, module: BotHeroLocalModule) {
    let pool = shared.store.pool
    self.shared = shared
    maximumDocumentSize = module.maximumDocumentSize
    bots = BotStore(pool: pool, uniqueNames: shared.uniqueNames)
    webhooks = WebhookStore(pool: pool)
    tokens = TokenStore(
      pool: pool, accessLifetime: module.accessTokenLifetime,
      refreshLifetime: module.refreshTokenLifetime)
    documents = DocumentStore(pool: pool)
    conversations = ConversationStore(pool: pool)
    deliveries = DeliveryStore(pool: pool)
    let webhooks = webhooks
    let settings = shared.settings(as: BotHeroLocalSettings.self)
    queue = DeliveryQueue(
      store: deliveries, backoff: settings.deliveryBackoff,
      allowedHosts: settings.allowedWebhookHosts,
      exists: { id in (try? await webhooks.isActive(id: id)) ?? false })
  }

  var events: EventBus { EventBus(webhooks: webhooks, queue: queue) }

  /// API keys and access tokens are bearers everywhere; a refresh token only where it is
  /// exchanged (`POST /v1/auth/refresh`).
  var credentials: LocalCredentials {
    let tokens = tokens
    return LocalCredentials(keyName: "YOUR_BOTHERO_API_KEY") { bearer, path in
      guard let holder = try await tokens.holder(of: bearer) else { return nil }
      switch holder.kind {
      case .access: return holder.organization
      case .refresh: return path == BotHeroRoutes.refresh.path ? holder.organization : nil
      }
    }
  }

  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.add(middleware: RateLimitMiddleware(perSecond: shared.configuration.rateLimit))
    AuthController(tokens: tokens).addRoutes(to: group)
    BotController(bots: bots, events: events).addRoutes(to: group)
    ChatController(
      bots: bots, conversations: conversations, documents: documents,
      responder: ChatResponder(endpoint: shared.configuration.chatEndpoint), events: events
    ).addRoutes(to: group)
    KnowledgeController(
      documents: documents, bots: bots, events: events, limit: maximumDocumentSize
    ).addRoutes(to: group)
    AnalyticsController(pool: shared.store.pool, conversations: conversations)
      .addRoutes(to: group)
    WebhookController(webhooks: webhooks, bots: bots, deliveries: deliveries).addRoutes(to: group)
  }

  func close() throws {
    queue.stop()
  }
}
