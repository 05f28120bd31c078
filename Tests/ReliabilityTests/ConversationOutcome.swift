import LocalServerKit

/// What one seeded run of the example tests under faults left: the differences from the
/// fault-free verdicts (its problems), and what the platform counted while the faults were on.
struct ConversationOutcome: Sendable {
  var seed: UInt64
  /// The fault kinds the scenario asked for, by command-line name.
  var drawnKinds: Set<String>
  var problems: [String] = []
  /// The verdicts of each example's run, by example.
  var verdicts: [String: ConversationVerdicts] = [:]
  /// Requests while the tests ran, per route (`METHOD /path`).
  var routes: [String: Int] = [:]
  /// Faults injected while the tests ran, per route and kind.
  var faults: [String: [String: Int]] = [:]
  /// Requests per `Heho-Operation` label (`test NAME: run R turn T`).
  var operations: [String: Int] = [:]
  /// Faults per label, then per kind.
  var faultsByOperation: [String: [String: Int]] = [:]
  /// Runs of `heho test` done again because the client gave up on a request after five faults.
  var exhausted = 0
  /// Seconds the two `heho test` runs took together.
  var seconds = 0.0

  /// Adds the counts of one `heho test` run.
  mutating func add(_ metrics: LocalMetrics) {
    routes.merge(metrics.routes, uniquingKeysWith: +)
    operations.merge(metrics.operations, uniquingKeysWith: +)
    for (route, kinds) in metrics.faultsByRoute {
      faults[route, default: [:]].merge(kinds, uniquingKeysWith: +)
    }
    for (operation, kinds) in metrics.faultsByOperation {
      faultsByOperation[operation, default: [:]].merge(kinds, uniquingKeysWith: +)
    }
  }
}
