import Foundation
import HeHoProvider
import LocalServerKit
@_spi(FaultTesting) import PlatformKit
import Testing

/// Seeded scenarios: random manifests, a random live state made by hand, random faults; apply
/// up to three times, then check that nothing was lost, duplicated, leaked or misreported.
///
/// `HEHO_RELIABILITY_SEED=N` reruns one scenario; `HEHO_RELIABILITY_SCENARIOS=K` sets how many
/// run (seeds from `HEHO_RELIABILITY_FIRST_SEED`, default 1), at least `minimumScenarios`.
@Suite struct ReliabilityTests {
  /// Scenarios per run when `HEHO_RELIABILITY_SCENARIOS` is not set.
  static let defaultCount = 300
  /// Fewer scenarios than this prove too little: the run fails instead of passing on nothing.
  static let minimumScenarios = 100
  /// Platforms running scenarios side by side (each scenario alone on its platform, so its
  /// fault sequence is its own).
  static let lanes = 6
  /// Failing scenarios reported in full; the rest by seed.
  static let reportedInFull = 5

  /// The seeds to run, or why the requested count is refused.
  static func seeds(
    in environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Result<[UInt64], SeedCountError> {
    let text = environment["HEHO_RELIABILITY_SCENARIOS"]
    let count = text.map { Int($0) ?? -1 } ?? defaultCount
    if let problem = FullRun.problem("HEHO_RELIABILITY_SCENARIOS", count: count, in: environment) {
      return .failure(SeedCountError(text: text ?? "", minimum: minimumScenarios, reason: problem))
    }
    if let text = environment["HEHO_RELIABILITY_SEED"], let seed = UInt64(text) {
      return .success([seed])
    }
    guard count >= minimumScenarios else {
      return .failure(SeedCountError(text: text ?? "", minimum: minimumScenarios))
    }
    let first = environment["HEHO_RELIABILITY_FIRST_SEED"].flatMap { UInt64($0) } ?? 1
    return .success((0..<UInt64(count)).map { first + $0 })
  }

  @Test(.timeLimit(.minutes(10)))
  func faultsNeverLoseDataDuplicateLeakOrMisreport() async throws {
    let seeds = try Self.seeds().get()
    let scenarios = seeds.map(ScenarioGenerator.scenario(seed:))
    let (outcomes, elapsed, lanes) = try await ScenarioBatch.run(scenarios)
    Self.report(failures: outcomes.filter { !$0.passed })
    let stats = ScenarioStats(outcomes)
    var phases: [String: Duration] = [:]
    for outcome in outcomes { phases.merge(outcome.phases, uniquingKeysWith: +) }
    print("reliability: time by phase (summed over lanes): \(phases.sorted { $0.key < $1.key })")
    print("reliability: \(outcomes.count) scenarios in \(elapsed) on \(lanes) platforms; \(stats)")
    #expect(outcomes.count == seeds.count)
    // One scenario rerun by its seed proves only itself; a full run must show every fault
    // fired and every situation came up, or it proved nothing.
    if seeds.count >= Self.minimumScenarios {
      for problem in stats.coverageProblems { Issue.record(Comment(rawValue: problem)) }
    }
  }

  /// The duplicate check can fail: with the look-up before a re-sent create switched off,
  /// creates hit by commit-then-fail make duplicates, and the harness reports them. With it
  /// on, the same scenarios make none.
  @Test(.timeLimit(.minutes(5)))
  func theDuplicateCheckCatchesACreateResentWithoutALookUp() async throws {
    let scenarios = Self.createHeavyScenarios(count: 12)
    let (blind, _, _) = try await CreateSafety.$resendWithoutLookup.withValue(true) {
      try await ScenarioBatch.run(scenarios)
    }
    let duplicates = blind.filter { outcome in
      outcome.problems.contains { $0.contains("exists 2 times (0 before the run)") }
    }
    #expect(
      duplicates.count > 0,
      "no duplicate reported in \(blind.count) scenarios: \(blind.flatMap(\.problems).prefix(5))")
    let (safe, _, _) = try await ScenarioBatch.run(scenarios)
    Self.report(failures: safe.filter { !$0.passed })
    #expect(ScenarioStats(safe).adopted > 0)
    let blindFaults = ScenarioStats(blind).commitThenFail(on: ScenarioStats.chatbotCreate)
    #expect(blindFaults > 0, "no commit-then-fail hit a chatbot create in the blind run")
    print(
      "heho duplicate check: \(scenarios.count) scenarios; without look-ups commit-then-fail "
        + "\(ScenarioStats.chatbotCreate) \(blindFaults), duplicates caught: chatbot "
        + "\(duplicates.count) scenarios; with look-ups \(ScenarioStats(safe).adopted) creates "
        + "adopted, \(safe.filter { !$0.passed }.count) failed")
  }

  /// Scenarios that create chatbots under a high rate of commit-then-fail and nothing else.
  static func createHeavyScenarios(count: Int) -> [Scenario] {
    var scenarios: [Scenario] = []
    var seed: UInt64 = 5_000
    while scenarios.count < count {
      seed += 1
      var scenario = ScenarioGenerator.scenario(seed: seed)
      let live = Set(scenario.liveChatbots.map(\.name))
      guard !scenario.expectsRefusal, scenario.chatbots.contains(where: { !live.contains($0.name) })
      else { continue }
      scenario.faults.rate = 0.4
      scenario.faults.kinds = [.commitThenFail]
      scenarios.append(scenario)
    }
    return scenarios
  }

  static func report(failures: [ScenarioOutcome]) {
    let failed = failures.sorted { $0.scenario.seed < $1.scenario.seed }
    for outcome in failed.prefix(reportedInFull) {
      Issue.record(Comment(rawValue: Reproduction.text(outcome)))
    }
    if failed.count > reportedInFull {
      let list = failed.map { String($0.scenario.seed) }.joined(separator: " ")
      Issue.record("\(failed.count) scenarios failed; seeds: \(list)")
    }
  }

  @Test(arguments: ["0", "99", "-5", "lots"])
  func aScenarioCountBelowTheMinimumIsRefused(count: String) {
    #expect(throws: SeedCountError.self) {
      try Self.seeds(in: ["HEHO_RELIABILITY_SCENARIOS": count]).get()
    }
  }

  /// A whole run (`scripts/test`) refuses one seed, a range starting elsewhere and a count
  /// below its floor, whatever else the environment says.
  @Test func aWholeRunRefusesSeedsAndCountsBelowItsFloor() throws {
    let whole = ["HEHO_FULL_RUN": "1"]
    #expect(throws: SeedCountError.self) {
      try Self.seeds(in: whole.merging(["HEHO_RELIABILITY_SEED": "42"]) { $1 }).get()
    }
    #expect(throws: SeedCountError.self) {
      try Self.seeds(in: whole.merging(["HEHO_RELIABILITY_SCENARIOS": "300"]) { $1 }).get()
    }
    #expect(throws: SeedCountError.self) {
      try Self.seeds(
        in: whole.merging([
          "HEHO_RELIABILITY_SCENARIOS": "1000", "HEHO_RELIABILITY_FIRST_SEED": "9",
        ]) { $1 }
      ).get()
    }
    #expect(
      try Self.seeds(in: whole.merging(["HEHO_RELIABILITY_SCENARIOS": "1000"]) { $1 }).get()
        .count == 1_000)
    for variable in ["HEHO_MIGRATION_SCENARIOS", "HEHO_BOTHERO_SCENARIOS"] {
      #expect(throws: FullRunError.self) {
        try ScenarioLanes.seeds(variable, count: 20, minimum: 1, in: whole)
      }
      #expect(throws: FullRunError.self) {
        try ScenarioLanes.seeds(variable, count: 500, minimum: 1, in: [variable: "lots"])
      }
    }
    #expect(
      try ScenarioLanes.seeds("HEHO_MIGRATION_SCENARIOS", count: 200, minimum: 20, in: whole)
        .count == 200)
  }

  /// The coverage check cannot pass on kinds no scenario drew: each kind must be drawn, and
  /// each drawn kind must fire.
  @Test func everyFaultKindMustBeDrawnAndFire() {
    var stats = ScenarioStats([])
    stats.drawnKinds = ["429", "500", "503", "commit-then-fail"]
    stats.faults = ["429": 3, "500": 1, "503": 2]
    let problems = stats.coverageProblems
    #expect(problems.contains("no scenario drew the fault kind drop"), "\(problems)")
    #expect(
      problems.contains("scenarios drew the fault kind commit-then-fail, but it never fired"),
      "\(problems)")
    #expect(!problems.contains { $0.contains("kind 429") })
  }

  /// `scripts/test` and the suites' own check (`FullRun`) name the same floors, so that
  /// neither can drift below the other.
  @Test func scriptsTestAndTheSuitesAgreeOnTheFloors() throws {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../scripts/test")
    let text = try String(contentsOf: script, encoding: .utf8)
    var floors: [String: Int] = [:]
    for line in text.split(separator: "\n") {
      let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ":")
      if parts.count == 2, parts[0].hasPrefix("HEHO_"), let floor = Int(parts[1]) {
        floors[String(parts[0])] = floor
      }
    }
    #expect(floors == FullRun.floors, "scripts/test names \(floors)")
  }

  @Test func oneSeedOrEnoughScenariosRun() throws {
    #expect(try Self.seeds(in: ["HEHO_RELIABILITY_SEED": "42"]).get() == [42])
    #expect(try Self.seeds(in: [:]).get().count == Self.defaultCount)
    let run = try Self.seeds(
      in: ["HEHO_RELIABILITY_SCENARIOS": "100", "HEHO_RELIABILITY_FIRST_SEED": "7"]
    ).get()
    #expect(run.first == 7 && run.count == 100)
  }

  @Test func theSameSeedGivesTheSameScenario() {
    for seed: UInt64 in [1, 2, 77, 1_000_003] {
      let first = ScenarioGenerator.scenario(seed: seed)
      let second = ScenarioGenerator.scenario(seed: seed)
      #expect(
        ManifestWriter.files(for: first).map(\.text)
          == ManifestWriter.files(for: second).map(\.text))
      #expect(first.liveTables == second.liveTables && first.liveChatbots == second.liveChatbots)
      #expect(first.faults == second.faults && first.parallelism == second.parallelism)
      #expect(first.stormRate == second.stormRate)
    }
  }
}

/// `HEHO_RELIABILITY_SCENARIOS` asked for too few scenarios (or for no number at all).
struct SeedCountError: Error, CustomStringConvertible {
  var text: String
  var minimum: Int
  /// Why a whole run refuses it (`FullRun`), when that is the reason.
  var reason: String? = nil

  var description: String {
    reason
      ?? "HEHO_RELIABILITY_SCENARIOS=\(text): a run needs at least \(minimum) scenarios to "
      + "prove anything; to rerun one scenario, set HEHO_RELIABILITY_SEED=N instead"
  }
}
