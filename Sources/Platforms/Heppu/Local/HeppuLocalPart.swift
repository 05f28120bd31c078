import Hummingbird
import LocalServerKit

/// Heppu's open store and its routes.
struct HeppuLocalPart: LocalPlatformPart {
  let shared: LocalSharedServices
  let agents: AgentStore

  init(shared: LocalSharedServices) {
    self.shared = shared
    agents = AgentStore(pool: shared.store.pool, uniqueNames: shared.uniqueNames)
  }

  /// `x-api-key: KEY` or `Authorization: Bearer KEY` (seed).
  var credentials: LocalCredentials {
    LocalCredentials(keyName: "YOUR_API_KEY", keyHeader: "x-api-key")
  }

  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.add(middleware: RateLimitMiddleware(perSecond: shared.configuration.rateLimit))
    AgentController(agents: agents).addRoutes(to: group)
    AgentExtrasController(agents: agents, chatEndpoint: shared.configuration.chatEndpoint)
      .addRoutes(to: group)
  }

  func close() throws {}
}
