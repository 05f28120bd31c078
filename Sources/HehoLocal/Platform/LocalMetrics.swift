import Synchronization

/// Request counts of the platform API, per route.
public struct LocalMetrics: Sendable, Hashable, Codable {
  /// Requests received on `/api/...` routes.
  public var total: Int
  /// Requests per route, keyed `METHOD /path` (for example `GET /api/v1/chatbots/manage`).
  public var routes: [String: Int]

  /// Creates metrics from counts.
  public init(total: Int = 0, routes: [String: Int] = [:]) {
    self.total = total
    self.routes = routes
  }

  /// The count for one route, 0 when it was never called.
  public func count(_ method: String, _ path: String) -> Int {
    routes["\(method) \(path)"] ?? 0
  }
}

/// Counts requests per route; safe to call from concurrent requests.
final class MetricsRecorder: Sendable {
  private let counts = Mutex(LocalMetrics())

  /// Counts one request on a route.
  func record(_ route: String) {
    counts.withLock {
      $0.total += 1
      $0.routes[route, default: 0] += 1
    }
  }

  /// The counts so far.
  var snapshot: LocalMetrics { counts.withLock { $0 } }

  /// Zeroes the counts.
  func reset() {
    counts.withLock { $0 = LocalMetrics() }
  }
}
