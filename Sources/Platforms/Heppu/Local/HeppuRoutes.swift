import Hummingbird
import LocalServerKit

/// Every route of the Heppu agents API, as `docs/heppu-api-contract.md` lists them.
enum HeppuRoutes {
  /// The path prefix of the API (the seed's base URL is `https://v2.heppu.ai/api/v1`; every
  /// endpoint is under `/agents`).
  static let prefix = "/api/v1/agents"

  static let list = LocalRoute(method: "GET", path: "/api/v1/agents")
  static let create = LocalRoute(method: "POST", path: "/api/v1/agents")
  static let get = LocalRoute(method: "GET", path: "/api/v1/agents/:id")
  static let update = LocalRoute(method: "PATCH", path: "/api/v1/agents/:id")
  static let delete = LocalRoute(method: "DELETE", path: "/api/v1/agents/:id")
  /// A local extra: a chat agent's embed snippet.
  static let embed = LocalRoute(method: "GET", path: "/api/v1/agents/:id/embed")
  /// A local extra: a test chat answered from the agent's instructions.
  static let test = LocalRoute(method: "POST", path: "/api/v1/agents/:id/test")

  /// Every route.
  static let all: [LocalRoute] = [list, create, get, update, delete, embed, test]
}

/// The path of a Heppu route relative to the group under `HeppuRoutes.prefix`.
func path(_ route: LocalRoute) -> RouterPath {
  route.routerPath(under: HeppuRoutes.prefix)
}
