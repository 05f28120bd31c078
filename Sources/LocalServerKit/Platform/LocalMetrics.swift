import Synchronization

/// Request counts of the platform API, per route.
public struct LocalMetrics: Sendable, Hashable, Codable {
  /// Requests received on the platforms' API routes.
  public var total: Int
  /// Requests per platform (`heho`: 12).
  public var platforms: [String: Int]
  /// Requests per route, keyed `METHOD /path` (for example `GET /api/v1/chatbots/manage`).
  public var routes: [String: Int]
  /// Injected faults per kind, keyed by the kind's command-line name (`429`, `500`, `503`,
  /// `drop`, `commit-then-fail`).
  public var faults: [String: Int]
  /// Injected faults per route (`METHOD /path`), then per kind.
  public var faultsByRoute: [String: [String: Int]]
  /// Requests per operation, as the client labeled them in its `Heho-Operation` header
  /// (`migrate table/items: backup`); unlabeled requests are not counted here.
  public var operations: [String: Int]
  /// Injected faults per labeled operation, then per kind.
  public var faultsByOperation: [String: [String: Int]]

  /// Creates metrics from counts.
  public init(
    total: Int = 0, platforms: [String: Int] = [:], routes: [String: Int] = [:],
    faults: [String: Int] = [:],
    faultsByRoute: [String: [String: Int]] = [:], operations: [String: Int] = [:],
    faultsByOperation: [String: [String: Int]] = [:]
  ) {
    self.total = total
    self.platforms = platforms
    self.routes = routes
    self.faults = faults
    self.faultsByRoute = faultsByRoute
    self.operations = operations
    self.faultsByOperation = faultsByOperation
  }

  /// The count for one route, 0 when it was never called.
  public func count(_ method: String, _ path: String) -> Int {
    routes["\(method) \(path)"] ?? 0
  }

  /// How many faults of `kind` were injected, on one route (`METHOD /path`) or on all.
  public func faults(_ kind: FaultConfiguration.Kind, route: String? = nil) -> Int {
    guard let route else { return faults[kind.commandLineName] ?? 0 }
    return faultsByRoute[route]?[kind.commandLineName] ?? 0
  }
}

/// Counts requests per route; safe to call from concurrent requests.
package final class MetricsRecorder: Sendable {
  private let counts = Mutex(LocalMetrics())

  /// Counts one request on a route of a platform, and under its operation when the client
  /// labeled it.
  package func record(_ route: String, platform: String, operation: String? = nil) {
    counts.withLock {
      $0.total += 1
      $0.platforms[platform, default: 0] += 1
      $0.routes[route, default: 0] += 1
      if let operation { $0.operations[operation, default: 0] += 1 }
    }
  }

  /// Counts one injected fault on a route, and under its operation when the client labeled it.
  package func recordFault(
    _ kind: FaultConfiguration.Kind, route: String, operation: String? = nil
  ) {
    counts.withLock {
      $0.faults[kind.commandLineName, default: 0] += 1
      $0.faultsByRoute[route, default: [:]][kind.commandLineName, default: 0] += 1
      if let operation {
        $0.faultsByOperation[operation, default: [:]][kind.commandLineName, default: 0] += 1
      }
    }
  }

  /// The counts so far.
  package var snapshot: LocalMetrics { counts.withLock { $0 } }

  /// Zeroes the counts.
  package func reset() {
    counts.withLock { $0 = LocalMetrics() }
  }
}
