import Foundation
@_spi(Testing) import LocalServerKit

/// What one scenario did and every promise it found broken.
struct ScenarioOutcome: Sendable {
  var scenario: Scenario
  var initial = LiveSnapshot()
  var final = LiveSnapshot()
  var runs: [RunResult] = []
  var problems: [String] = []
  /// Wall time by phase, to see where a run spends it.
  var phases: [String: Duration] = [:]
  /// Faults the platform injected during this scenario's apply runs, per route and kind.
  var faults: [String: [String: Int]] = [:]
  /// Creates whose outcome was unknown and that a look-up found on the platform (adopted).
  var adopted = 0

  var passed: Bool { problems.isEmpty }
}

/// Runs one scenario on a platform: builds the live state by hand, writes the manifests, applies
/// up to three times under faults, then checks the promises with faults off.
struct ScenarioRun {
  /// The routes heho reads with: the two lists, and the row API's `POST` (its `read` action
  /// counts a table's rows). Every other route is a write.
  static let readRoutes: Set<String> = [
    "GET /api/v1/chatbots/manage", "GET /api/v1/database/manage", "POST /api/v1/database/manage",
  ]

  let scenario: Scenario
  let platform: LocalPlatform
  var outcome: ScenarioOutcome

  init(_ scenario: Scenario, on platform: LocalPlatform) {
    self.scenario = scenario
    self.platform = platform
    outcome = ScenarioOutcome(scenario: scenario)
  }

  /// Runs the scenario; never throws: a failure to set up is a problem too.
  static func execute(_ scenario: Scenario, on platform: LocalPlatform) async -> ScenarioOutcome {
    var run = ScenarioRun(scenario, on: platform)
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-reliability-\(scenario.seed)-\(UUID().uuidString)")
    do {
      try await run.execute(directory: directory)
    } catch {
      run.outcome.problems.append("the scenario could not run: \(error)")
    }
    try? FileManager.default.removeItem(at: directory)
    return run.outcome
  }

  mutating func execute(directory: URL) async throws {
    var clock = ContinuousClock.now
    func lap(_ phase: String) {
      outcome.phases[phase, default: .zero] += ContinuousClock.now - clock
      clock = ContinuousClock.now
    }
    await platform.setFaults(.none)
    let organization = "scenario-\(scenario.seed)-\(UUID().uuidString.prefix(8))"
    let key = try await platform.createOrganization(named: organization)
    let client = PlatformClient(platform: platform, organization: organization, key: key)
    for live in scenario.liveTables {
      try await client.create(live.table)
      try await client.addRows(to: live.table, count: live.rows)
    }
    for chatbot in scenario.liveChatbots { try await client.create(chatbot) }
    try ManifestWriter.write(scenario, to: directory)
    lap("setup")
    let project = ["-f", directory.path, "--endpoint", platform.baseURL]
    let environment = ["HEHO_API_KEY": key, "NO_COLOR": "1"]
    outcome.initial = try await client.snapshot()
    lap("snapshot")
    var before = outcome.initial
    for attempt in 1...3 {
      await platform.resetMetrics()
      await platform.setFaults(scenario.faults(run: attempt))
      let result = await CommandRunner.run(
        scenario.applyArguments + project, environment: environment)
      lap("apply")
      await platform.setFaults(.none)
      let metrics = await platform.metrics()
      let writes = metrics.routes.filter { !Self.readRoutes.contains($0.key) }.values.reduce(0, +)
      for (route, kinds) in metrics.faultsByRoute {
        outcome.faults[route, default: [:]].merge(kinds, uniquingKeysWith: +)
      }
      outcome.adopted += result.out.split(separator: "\n").filter { $0.hasSuffix("adopted)") }.count
      let after = try await client.snapshot()
      lap("snapshot")
      outcome.runs.append(result)
      var checks = RunChecks(run: attempt, result: result, before: before, after: after)
      if scenario.expectsRefusal {
        checks.refused(initial: outcome.initial, writes: writes)
      } else {
        checks.reported()
      }
      outcome.problems += checks.problems
      before = after
      let refusedAsExpected = scenario.refusalTexts.allSatisfy { result.out.contains($0) }
      if scenario.expectsRefusal ? refusedAsExpected : result.code == 0 {
        break
      }
    }
    let planArguments =
      ["plan", "--detailed-exitcode"] + (scenario.allowDataLossFlag ? ["--allow-data-loss"] : [])
    let plan = await CommandRunner.run(planArguments + project, environment: environment)
    outcome.runs.append(plan)
    lap("plan")
    outcome.final = try await client.snapshot()
    lap("snapshot")
    var checks = FinalChecks(scenario: scenario, initial: outcome.initial, final: outcome.final)
    if scenario.expectsRefusal {
      checks.refused(plan: plan)
    } else {
      checks.converged(lastApply: outcome.runs.dropLast().last, plan: plan)
    }
    for result in outcome.runs
    where result.all.contains(key) || result.all.contains(platform.apiKey) {
      checks.problems.append("an API key appears in the output of heho \(result.arguments[0])")
    }
    outcome.problems += checks.problems
  }
}
