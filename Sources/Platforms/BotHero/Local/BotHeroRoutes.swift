import LocalServerKit

/// Every route of the BotHero API, as `docs/bothero-api-contract.md` lists them.
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
  /// A local extra: every delivery attempt of a webhook.
  static let deliveries = LocalRoute(method: "GET", path: "/v1/webhooks/:id/deliveries")
  static let upload = LocalRoute(method: "POST", path: "/v1/knowledge/upload")
  static let listDocuments = LocalRoute(method: "GET", path: "/v1/knowledge/documents")
  static let deleteDocument = LocalRoute(method: "DELETE", path: "/v1/knowledge/:id")
  /// A contract addition: a document's content, as uploaded (export reads it back).
  static let documentContent = LocalRoute(method: "GET", path: "/v1/knowledge/:id/content")
  static let chat = LocalRoute(method: "POST", path: "/v1/chat/completions")
  static let listConversations = LocalRoute(method: "GET", path: "/v1/conversations")
  static let listMessages = LocalRoute(method: "GET", path: "/v1/conversations/:id/messages")
  static let overview = LocalRoute(method: "GET", path: "/v1/analytics/overview")
  static let conversationStats = LocalRoute(method: "GET", path: "/v1/analytics/conversations")
  static let leads = LocalRoute(method: "GET", path: "/v1/analytics/leads")

  /// Every route.
  static let all: [LocalRoute] = [
    token, refresh, revoke, listBots, createBot, updateBot, deleteBot, chat, listConversations,
    listMessages, upload, listDocuments, deleteDocument, documentContent, overview,
    conversationStats, leads,
    createWebhook, listWebhooks, updateWebhook, deleteWebhook, deliveries,
  ]
}
