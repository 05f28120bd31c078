import Hummingbird

/// One operation the local platform serves: method and path.
///
/// `LocalRoute.all` is the single list that the router is checked against and that the
/// OpenAPI document must match.
public struct LocalRoute: Sendable, Hashable, CustomStringConvertible {
  /// The HTTP method (`GET`, `POST`, `DELETE`).
  public var method: String
  /// The path, without query.
  public var path: String
  /// Whether the route needs `Authorization: Bearer KEY` (all `/api` routes).
  public var requiresAuthentication: Bool { path.hasPrefix("/api/") }

  /// `METHOD /path`, the key used in metrics.
  public var description: String { "\(method) \(path)" }

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
  static let health = LocalRoute(method: "GET", path: "/_local/health")
  static let metrics = LocalRoute(method: "GET", path: "/_local/metrics")
  static let resetMetrics = LocalRoute(method: "POST", path: "/_local/metrics/reset")

  /// Every route served, platform API first, then the local extras.
  public static let all: [LocalRoute] = [
    verifyUser, chat, createChatbot, listChatbots, deleteChatbot, listTables, manageRows,
    createTable, deleteTable, connectTable, health, metrics, resetMetrics,
  ]

  /// The method as Hummingbird's type.
  var httpMethod: HTTPRequest.Method {
    HTTPRequest.Method(method) ?? .get
  }

  /// The methods served on a path (for 405 answers).
  static func methods(forPath path: String) -> [String] {
    all.filter { $0.path == path }.map(\.method)
  }
}
