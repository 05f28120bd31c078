import Foundation
import LocalServerKit
import Testing

/// What the seeded suites share: how many scenarios a run takes, and running them on several
/// local platforms side by side.
enum ScenarioLanes {
  /// The seeds of a run: as many as `variable` says (else `count`), at least `minimum` (and,
  /// in a whole run, at least the suite's floor in `FullRun`), starting at
  /// `HEHO_RELIABILITY_FIRST_SEED` (else 1). A count that is not a number is an error.
  static func seeds(
    _ variable: String, count: Int, minimum: Int,
    in environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> [UInt64] {
    let count = try FullRun.count(variable, fallback: count, in: environment)
    guard count >= minimum else {
      throw FullRunError(description: "\(variable)=\(count): a run needs at least \(minimum)")
    }
    if let problem = FullRun.problem(variable, count: count, in: environment) {
      throw FullRunError(description: problem)
    }
    let first = environment["HEHO_RELIABILITY_FIRST_SEED"].flatMap { UInt64($0) } ?? 1
    return (0..<UInt64(count)).map { first + $0 }
  }

  /// `body` of every scenario: `lanes` local platforms side by side, each running its share of
  /// the scenarios in turn.
  static func run<Scenario: Sendable, Outcome: Sendable>(
    _ scenarios: [Scenario], lanes: Int,
    _ body: @escaping @Sendable (Scenario, LocalPlatform) async -> Outcome
  ) async throws -> [Outcome] {
    try await withThrowingTaskGroup(of: [Outcome].self) { group in
      for lane in 0..<lanes {
        let mine = stride(from: lane, to: scenarios.count, by: lanes).map { scenarios[$0] }
        group.addTask {
          let platform = try await LocalPlatform.start(.init(rateLimit: 0))
          var outcomes: [Outcome] = []
          for scenario in mine { outcomes.append(await body(scenario, platform)) }
          try await platform.shutdown()
          return outcomes
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
  }

  /// Records a failing scenario as an issue: its problems, and how to rerun it alone (from its
  /// seed, `variable` set to `rerun`, the suite's smallest run). Nothing for a clean scenario.
  static func record(
    _ suite: String, seed: UInt64, problems: [String], variable: String, rerun: Int,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard !problems.isEmpty else { return }
    Issue.record(
      Comment(
        rawValue: "\(suite) scenario \(seed) (rerun with HEHO_RELIABILITY_FIRST_SEED=\(seed) "
          + "\(variable)=\(rerun)):\n  " + problems.joined(separator: "\n  ")),
      sourceLocation: sourceLocation)
  }
}
