import HehoLocal
import Hummingbird

/// BotHero's open stores and its routes.
struct BotHeroLocalPart: LocalPlatformPart {
  let bots: BotStore
  let webhooks: WebhookStore
  let tokens: TokenStore

  init(shared: LocalSharedServices, module: BotHeroLocalModule) {
    bots = BotStore(pool: shared.store.pool, uniqueNames: shared.uniqueNames)
    webhooks = WebhookStore(pool: shared.store.pool)
    tokens = TokenStore(
      pool: shared.store.pool, accessLifetime: module.accessTokenLifetime,
      refreshLifetime: module.refreshTokenLifetime)
  }

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
    AuthController(tokens: tokens).addRoutes(to: group)
    BotController(bots: bots).addRoutes(to: group)
    WebhookController(webhooks: webhooks, bots: bots).addRoutes(to: group)
  }

  func close() throws {}
}
