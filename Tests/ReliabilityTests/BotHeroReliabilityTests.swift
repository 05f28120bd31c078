import Foundation
import HehoLocal
@_spi(FaultTesting) import HehoPlatform
import HehoPlatforms
import HehoTestSupport
import Testing

@testable import BotHeroPlatform

/// Faults on BotHero never duplicate a bot, a webhook or a knowledge document, never lose one,
/// and never show a secret: seeded scenarios, each applied under injected faults (commit-then-fail
/// on creates and uploads included), then checked against the platform.
@Suite struct BotHeroReliabilityTests {
  /// Scenarios per run (`HEHO_BOTHERO_SCENARIOS`), at least `minimum`.
  static let defaultCount = 100
  static let minimum = 30
  static let lanes = 4

  /// What one scenario left: its problems, and the faults that fired by route and kind.
  struct Outcome: Sendable {
    var seed: UInt64
    var problems: [String]
    var faults: [String: [String: Int]]
    var applies: Int
  }

  @Test(.timeLimit(.minutes(10)))
  func faultsNeverDuplicateLoseOrLeakOnBotHeroAndHeppu() async throws {
    let scenarios = try ScenarioLanes.seeds(
      "HEHO_BOTHERO_SCENARIOS", count: Self.defaultCount, minimum: Self.minimum
    ).map { BotHeroScenario.make(seed: $0) }
    let count = scenarios.count
    let outcomes = try await ScenarioLanes.run(scenarios, lanes: Self.lanes) {
      await Self.run($0, on: $1)
    }
    for outcome in outcomes where !outcome.problems.isEmpty {
      let problems = outcome.problems.joined(separator: "\n  ")
      Issue.record(
        Comment(
          rawValue: "BotHero scenario \(outcome.seed) (rerun with HEHO_RELIABILITY_FIRST_SEED="
            + "\(outcome.seed)):\n  \(problems)"))
    }
    // The run proves something only if its faults hit the writes that could duplicate.
    var fired: [String: Int] = [:]
    for outcome in outcomes {
      for (route, kinds) in outcome.faults {
        fired[route, default: 0] += kinds["commit-then-fail"] ?? 0
      }
    }
    for route in [
      "POST /v1/bots", "POST /v1/webhooks", "POST /v1/knowledge/upload", "POST /api/v1/agents",
    ] {
      #expect((fired[route] ?? 0) > 0, "no commit-then-fail hit \(route) in \(count) scenarios")
    }
    let retried = outcomes.filter { $0.applies > 1 }.count
    let renames = scenarios.flatMap(\.bots).filter { $0.previous != nil }.count
    var renameFaults = 0
    for outcome in outcomes {
      for (route, kinds) in outcome.faults where route.hasPrefix("PATCH /v1/bots") {
        renameFaults += kinds.values.reduce(0, +)
      }
    }
    let creates = fired.filter { $0.key.hasPrefix("POST") }.sorted { $0.key < $1.key }
      .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    print(
      "bothero and heppu reliability: \(count) scenarios; commit-then-fail on creates: \(creates); "
        + "\(retried) needed a second or third apply; \(renames) bots renamed in place, "
        + "\(renameFaults) faults on bot updates")
  }

  /// The duplicate check can fail: with the look-up before a re-sent create switched off,
  /// commit-then-fail on creates makes duplicates, and the checks report them.
  @Test(.timeLimit(.minutes(5)))
  func theDuplicateCheckCatchesACreateResentWithoutALookUp() async throws {
    let scenarios = (1...6).map { seed in
      var scenario = BotHeroScenario.make(seed: UInt64(seed))
      scenario.faults = FaultConfiguration(
        rate: 0.4, seed: UInt64(seed), kinds: [.commitThenFail], retryAfterSeconds: 0)
      return scenario
    }
    // Each mode on its own platform, side by side: a platform's faults are its own.
    async let blindRun = CreateSafety.$resendWithoutLookup.withValue(true) {
      try await Self.runAll(scenarios)
    }
    async let safeRun = Self.runAll(scenarios)
    let (blind, safe) = try await (blindRun, safeRun)
    let duplicated = blind.filter { outcome in
      outcome.problems.contains { $0.contains("is on the platform 2 times") }
    }
    #expect(!duplicated.isEmpty, "a create re-sent without a look-up made no duplicate")
    let problems = safe.flatMap(\.problems)
    #expect(problems.isEmpty, "\(problems)")
  }

  /// Runs scenarios one after another on a platform of their own.
  static func runAll(_ scenarios: [BotHeroScenario]) async throws -> [Outcome] {
    let platform = try await LocalPlatform.start(.init(rateLimit: 0))
    var outcomes: [Outcome] = []
    for scenario in scenarios { outcomes.append(await run(scenario, on: platform)) }
    try await platform.shutdown()
    return outcomes
  }

  static func run(_ scenario: BotHeroScenario, on platform: LocalPlatform) async -> Outcome {
    var outcome = Outcome(seed: scenario.seed, problems: [], faults: [:], applies: 0)
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-bothero-reliability-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    do {
      let key = try await platform.createOrganization(
        named: "scenario-\(scenario.seed)-\(UUID().uuidString.prefix(8))")
      let api = PlatformAPI(baseURL: platform.baseURL + "/v1", key: key)
      let endpoint = platform.baseURL + "/v1"
      for (path, text) in scenario.files(base: platform.baseURL) {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
      }
      for bot in scenario.preexisting {
        try await api.send(
          "POST", "/bots",
          json: ["name": bot.name, "temperature": bot.temperature, "welcome_message": bot.welcome])
      }
      if scenario.stray { try await api.send("POST", "/bots", json: ["name": "stray"]) }
      let agentsAPI = PlatformAPI(baseURL: platform.baseURL + "/api/v1", key: key)
      for agent in scenario.staleAgents {
        try await agentsAPI.send(
          "POST", "/agents",
          json: ["name": agent.name, "type": agent.type, "instructions": agent.instructions])
      }
      var renamedIDs: [String: String] = [:]
      for bot in scenario.bots {
        guard let previous = bot.previous else { continue }
        let created = try await api.object(
          "POST", "/bots", json: ["name": previous, "welcome_message": "before the rename"])
        renamedIDs[bot.name] = created["id"] as? String
      }

      var environment = ["BOTHERO_API_KEY": key, "HEPPU_API_KEY": key, "NO_COLOR": "1"]
      for hook in scenario.hooks { environment[BotHeroScenario.variable(hook.name)] = hook.secret }
      let arguments = [
        "apply", "-f", directory.path, "--auto-approve", "--endpoint", "bothero=\(endpoint)",
        "--endpoint", "heppu=\(platform.baseURL)/api/v1",
      ]
      var transcript = ""
      await platform.resetMetrics()
      await platform.setFaults(scenario.faults)
      for _ in 1...3 {
        outcome.applies += 1
        let run = await CommandRunner.run(arguments, environment: environment)
        transcript += run.out + run.err
        if run.code == 0 { break }
      }
      outcome.faults = await platform.metrics().faultsByRoute
      await platform.setFaults(.none)
      let settle = await CommandRunner.run(arguments, environment: environment)
      transcript += settle.out + settle.err
      if settle.code != 0 {
        outcome.problems.append("the apply without faults failed:\n\(settle.out)\(settle.err)")
      }
      let plan = await CommandRunner.run(
        [
          "plan", "-f", directory.path, "--detailed-exitcode", "--endpoint", "bothero=\(endpoint)",
          "--endpoint", "heppu=\(platform.baseURL)/api/v1",
        ],
        environment: environment)
      transcript += plan.out + plan.err
      if plan.code != 0 {
        outcome.problems.append("the plan after apply is not empty:\n\(plan.out)")
      }
      outcome.problems += try await check(scenario, api: api, renamedIDs: renamedIDs)
      outcome.problems += try await checkAgents(scenario, api: agentsAPI)
      for secret in scenario.hooks.map(\.secret) + [key] where transcript.contains(secret) {
        outcome.problems.append("a secret or key appeared in the output")
      }
    } catch {
      outcome.problems.append("the scenario could not run: \(error)")
    }
    return outcome
  }

  /// Every managed resource exactly once, as declared; a renamed bot with the ID it had under
  /// its old name, which is gone; the stray bot still there, once.
  static func check(
    _ scenario: BotHeroScenario, api: PlatformAPI, renamedIDs: [String: String] = [:]
  ) async throws -> [String] {
    var problems: [String] = []
    func list(_ path: String) async throws -> [[String: Any]] {
      try await api.object("GET", path)["data"] as? [[String: Any]] ?? []
    }
    let bots = try await list("/bots")
    for bot in scenario.bots {
      let found = bots.filter { $0["name"] as? String == bot.name }
      if found.count != 1 {
        problems.append("bot '\(bot.name)' is on the platform \(found.count) times")
      }
      if let previous = bot.previous {
        if found.first?["id"] as? String != renamedIDs[bot.name] {
          problems.append("bot '\(bot.name)' was not renamed in place from '\(previous)'")
        }
        if bots.contains(where: { $0["name"] as? String == previous }) {
          problems.append("bot '\(previous)' is still there after its rename")
        }
      }
      if let live = found.first,
        live["temperature"] as? Double != bot.temperature
          || live["welcome_message"] as? String != bot.welcome
      {
        problems.append("bot '\(bot.name)' does not hold what its manifest says: \(live)")
      }
    }
    let strays = bots.filter { $0["name"] as? String == "stray" }.count
    if strays != (scenario.stray ? 1 : 0) {
      problems.append("the unmanaged bot is there \(strays) times")
    }
    let hooks = try await list("/webhooks")
    for hook in scenario.hooks {
      let found = hooks.filter { $0["name"] as? String == hook.name }
      if found.count != 1 {
        problems.append("webhook '\(hook.name)' is on the platform \(found.count) times")
      }
      if let hint = found.first?["secret_hint"] as? String,
        !WriteOnlySecrets.matches(hook.secret, hint: hint)
      {
        problems.append("webhook '\(hook.name)' does not hold its manifest's secret")
      }
    }
    let documents = try await list("/knowledge/documents")
    for document in scenario.documents {
      let found = documents.filter { $0["name"] as? String == document.name }.count
      if found != 1 {
        problems.append("document '\(document.name)' is on the platform \(found) times")
      }
    }
    return problems
  }

  /// Every declared agent exactly once among the live ones, of its type, with its numbers.
  static func checkAgents(_ scenario: BotHeroScenario, api: PlatformAPI) async throws -> [String] {
    let agents = try await api.object("GET", "/agents?limit=100")["data"] as? [[String: Any]] ?? []
    var problems: [String] = []
    for agent in scenario.agents {
      let found = agents.filter { $0["name"] as? String == agent.name }
      if found.count != 1 {
        problems.append("agent '\(agent.name)' is on the platform \(found.count) times")
      }
      if let live = found.first,
        live["type"] as? String != agent.type || live["phoneNumbers"] as? [String] != agent.numbers
          || live["instructions"] as? String != agent.instructions
      {
        problems.append("agent '\(agent.name)' does not hold what its manifest says: \(live)")
      }
    }
    return problems
  }
}
