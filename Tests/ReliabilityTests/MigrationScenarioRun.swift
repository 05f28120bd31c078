import Foundation
@_spi(FaultTesting) import HehoEngine
import HehoManifest
import HehoTestSupport
@_spi(Testing) import LocalServerKit

/// Runs one migration scenario on a local platform: the table and its rows, then the change
/// applied under faults with one stop as a crash would, until an apply succeeds (faults off
/// from the third), then every check.
enum MigrationScenarioRun {
  /// The most applies a scenario may take: two under faults, the stop's, and one spare.
  static let attempts = 5

  static func run(_ scenario: MigrationScenario, on platform: LocalPlatform) async
    -> MigrationOutcome
  {
    var outcome = MigrationOutcome(seed: scenario.seed)
    let directory = ProjectFiles.folder("migration")
    defer { try? FileManager.default.removeItem(at: directory) }
    do {
      let key = try await platform.organization(for: "migration", seed: scenario.seed)
      let api = PlatformAPI(baseURL: platform.baseURL, key: key)
      let environment = ["HEHO_API_KEY": key, "NO_COLOR": "1"]
      let apply = ["apply", "-f", directory.path, "--auto-approve", "--endpoint", platform.baseURL]
      let plan = ["plan", "-f", directory.path, "--endpoint", platform.baseURL]
      try ProjectFiles.write(scenario.files(scenario.before), to: directory)
      let setup = await CommandRunner.run(apply, environment: environment)
      guard setup.code == 0 else {
        outcome.problems.append("setup failed:\n\(setup.all)")
        return outcome
      }
      for row in scenario.rows {
        let data = try JSONSerialization.jsonObject(with: JSONEncoder().encode(row))
        try await api.send(
          "POST", "/api/v1/database/manage",
          json: ["action": "add", "tableName": "items", "data": data])
      }
      let chatbotBefore = try await MigrationChecks.chatbot(api)
      try ProjectFiles.write(scenario.files(scenario.after), to: directory)
      await platform.resetMetrics()
      await platform.setFaults(scenario.faults)
      let stop = scenario.stop.map(MigrationStop.init)
      let hook = stop.map { stop in { @Sendable point in stop.shouldStop(at: point) } }
      var done = false
      for attempt in 1...attempts where !done {
        let faults = attempt < 3 ? scenario.faults : .none
        if attempt == 3 { await platform.setFaults(faults) }
        // A plan before each apply, as a user runs one, under the same faults.
        _ = await CommandRunner.run(plan, environment: environment)
        let firedBefore = stop?.hasFired ?? true
        let result = await MigrationStops.$stop.withValue(hook) {
          await CommandRunner.run(apply, environment: environment)
        }
        outcome.applies = attempt
        done = result.code == 0
        guard let stop, !firedBefore, stop.hasFired else { continue }
        guard !done, result.all.contains("the migration stopped after: \(stop.checkpoint)") else {
          outcome.problems.append(
            "the stop at \(stop.checkpoint) fired, but the apply did not stop there:\n\(result.all)"
          )
          continue
        }
        outcome.stoppedAt = MigrationScenario.point(stop.checkpoint)
        // Right after the stop, a plan without faults must show what is left to do.
        await platform.setFaults(.none)
        let check = await CommandRunner.run(plan, environment: environment)
        await platform.setFaults(faults)
        if check.out.contains("resume migration of table/items") {
          outcome.resumedAfterStop = true
        } else {
          outcome.problems.append(
            "the plan after the stop \(stop.checkpoint) shows no migration to resume:\n\(check.all)"
          )
        }
      }
      // A resume counts only when an apply then finished the migration.
      if !done { outcome.resumedAfterStop = false }
      if !done { outcome.problems.append("no apply succeeded in \(attempts) attempts") }
      let metrics = await platform.metrics()
      for (operation, kinds) in metrics.faultsByOperation {
        outcome.faults[step(of: operation), default: [:]].merge(kinds, uniquingKeysWith: +)
      }
      for (operation, count) in metrics.operations {
        outcome.requests[step(of: operation), default: 0] += count
      }
      await platform.setFaults(.none)
      let final = await CommandRunner.run(plan + ["--detailed-exitcode"], environment: environment)
      if final.code != 0 {
        outcome.problems.append("the plan after apply is not empty:\n\(final.out)")
      }
      outcome.problems += try await MigrationChecks.platform(
        scenario, api: api, chatbotBefore: chatbotBefore)
      outcome.problems += MigrationChecks.files(scenario, in: directory)
    } catch {
      outcome.problems.append("the scenario could not run: \(error)")
    }
    return outcome
  }

  /// The step a labeled operation names (`migrate table/items: backup` → `backup`).
  static func step(of operation: String) -> String {
    operation.split(separator: ": ").last.map(String.init) ?? operation
  }
}
