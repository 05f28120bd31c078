import HehoLocal

/// Every route of the BotHero API served so far, as `docs/bothero-api-contract.md` lists them.
enum BotHeroRoutes {
  /// The path prefix of the API (the seed's base URL is `https://api.bothero.ai/v1`).
  static let prefix = "/v1"

  static let token = LocalRoute(method: "POST", path: "/v1/auth/token")
  static let refresh = LocalRoute(method: "POST", path: "/v1/auth/refresh")
  static let revoke = LocalRoute(method: "DELETE", path: "/v1/auth/revoke")
  static let listBots = LocalRoute(method: "GET", path: "/v1/bots")
  static let createBot = LocalRoute(method: "POST", path: "/v1/bots")
  static let updateBot = LocalRoute(method: "PATCH", path: "/v1/bots/:id")
  static let deleteBot = LocalRoute(method: "DELETE", path: "/v1/bots/:id")
  static let createWebhook = LocalRoute(method: "POST", path: "/v1/webhooks")
  static let listWebhooks = LocalRoute(method: "GET", path: "/v1/webhooks")
  static let updateWebhook = LocalRoute(method: "PATCH", path: "/v1/webhooks/:id")
  static let deleteWebhook = LocalRoute(method: "DELETE", path: "/v1/webhooks/:id")

  /// Every route.
  static let all: [LocalRoute] = [
    token, refresh, revoke, listBots, createBot, updateBot, deleteBot, createWebhook,
    listWebhooks, updateWebhook, deleteWebhook,
  ]
}
