import Hummingbird
import LocalServerKit

/// Every route of the HeHo API, as `docs/heho-api-contract.md` lists them.
enum HeHoRoutes {
  static let verifyUser = LocalRoute(method: "POST", path: "/api/verify-user")
  static let chat = LocalRoute(method: "POST", path: "/api/aichat")
  static let createChatbot = LocalRoute(method: "POST", path: "/api/v1/chatbots/manage")
  static let listChatbots = LocalRoute(method: "GET", path: "/api/v1/chatbots/manage")
  static let deleteChatbot = LocalRoute(method: "DELETE", path: "/api/v1/chatbots/manage")
  static let listTables = LocalRoute(method: "GET", path: "/api/v1/database/manage")
  static let manageRows = LocalRoute(method: "POST", path: "/api/v1/database/manage")
  static let createTable = LocalRoute(method: "POST", path: "/api/v1/database/tables")
  static let deleteTable = LocalRoute(method: "DELETE", path: "/api/v1/database/tables")
  static let connectTable = LocalRoute(method: "POST", path: "/api/v1/database/tables/connect")

  /// The path prefix of the API.
  static let prefix = "/api"

  /// Every route.
  static let all: [LocalRoute] = [
    verifyUser, chat, createChatbot, listChatbots, deleteChatbot, listTables, manageRows,
    createTable, deleteTable, connectTable,
  ]
}

/// The path of a HeHo route relative to the `/api` group.
func path(_ route: LocalRoute) -> RouterPath {
  route.routerPath(under: HeHoRoutes.prefix)
}
