import Hummingbird

/// One operation the local platform serves: method and path.
///
/// Each platform's module lists its routes; the router is checked against those lists, and the
/// platform's OpenAPI document must match them. A path segment starting with `:` is a parameter.
public struct LocalRoute: Sendable, Hashable, CustomStringConvertible {
  /// The HTTP method (`GET`, `POST`, `DELETE`, `PATCH`).
  public var method: String
  /// The path, without query (`/api/v1/chatbots/manage`, `/v1/bots/:id`).
  public var path: String
  /// Whether the route needs the platform's API key.
  public var requiresAuthentication: Bool

  /// Creates a route.
  public init(method: String, path: String, requiresAuthentication: Bool = true) {
    self.method = method
    self.path = path
    self.requiresAuthentication = requiresAuthentication
  }

  /// `METHOD /path`, the key used in metrics.
  public var description: String { "\(method) \(path)" }

  /// The method as Hummingbird's type.
  package var httpMethod: HTTPRequest.Method {
    HTTPRequest.Method(method) ?? .get
  }

  /// The path as the router takes it, relative to `prefix` (`/api`).
  package func routerPath(under prefix: String) -> RouterPath {
    RouterPath(String(path.dropFirst(prefix.count).drop(while: { $0 == "/" })))
  }

  /// Whether a request path matches this route's path (parameters match any one segment).
  package func matches(path requested: String) -> Bool {
    let pattern = path.split(separator: "/", omittingEmptySubsequences: false)
    let given = requested.split(separator: "/", omittingEmptySubsequences: false)
    guard pattern.count == given.count else { return false }
    return zip(pattern, given).allSatisfy { $0.hasPrefix(":") ? !$1.isEmpty : $0 == $1 }
  }

  /// `/_local/health`, `/_local/metrics`, `/_local/metrics/reset`: no key, no faults.
  public static let extras: [LocalRoute] = [
    LocalRoute(method: "GET", path: "/_local/health", requiresAuthentication: false),
    LocalRoute(method: "GET", path: "/_local/metrics", requiresAuthentication: false),
    LocalRoute(method: "POST", path: "/_local/metrics/reset", requiresAuthentication: false),
  ]
}
