import Foundation
import LocalServerKit

/// Runs scenarios on a few local platforms side by side ("lanes"), one scenario at a time on
/// each, so each scenario's fault sequence is its own.
enum ScenarioBatch {
  /// Runs every scenario; the outcomes, the wall time and the number of lanes used.
  static func run(_ scenarios: [Scenario]) async throws -> ([ScenarioOutcome], Duration, Int) {
    let configured = ProcessInfo.processInfo.environment["HEHO_RELIABILITY_LANES"].flatMap {
      Int($0)
    }
    let lanes = max(1, min(configured ?? ReliabilityTests.lanes, scenarios.count))
    var platforms: [LocalPlatform] = []
    for _ in 0..<lanes { platforms.append(try await LocalPlatform.start(.init())) }
    let started = ContinuousClock.now
    let outcomes = await withTaskGroup(of: [ScenarioOutcome].self) { group in
      for (lane, platform) in platforms.enumerated() {
        let mine = stride(from: lane, to: scenarios.count, by: lanes).map { scenarios[$0] }
        group.addTask {
          var outcomes: [ScenarioOutcome] = []
          for scenario in mine {
            outcomes.append(await ScenarioRun.execute(scenario, on: platform))
          }
          return outcomes
        }
      }
      return await group.reduce(into: []) { $0 += $1 }
    }
    let elapsed = ContinuousClock.now - started
    for platform in platforms { try await platform.shutdown() }
    return (outcomes, elapsed, lanes)
  }
}
