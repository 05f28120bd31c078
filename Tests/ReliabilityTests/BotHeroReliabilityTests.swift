import Foundation
import LocalServerKit
@_spi(FaultTesting) import PlatformKit
import Testing

/// Faults on BotHero and Heppu never duplicate a bot, a webhook, a knowledge document or an
/// agent, never lose one, and never show a secret: seeded scenarios, each applied under
/// injected faults (commit-then-fail on creates and uploads included), then checked against the
/// platforms. A run must also show, from the platform's own counts, that it put all of that to
/// the test, and the duplicate check must catch the duplicates an unsafe create makes.
@Suite struct BotHeroReliabilityTests {
  /// Scenarios per run (`HEHO_BOTHERO_SCENARIOS`), at least `minimum`.
  static let defaultCount = 100
  /// Fewer scenarios than this cannot be relied on to show every fault kind firing on both
  /// platforms and every situation (over seeds 1 to 200, runs of 30 in a row sometimes saw no
  /// commit-then-fail on `POST /v1/bots`; every run of 40 or more saw everything), so
  /// `ScenarioLanes.seeds` refuses them.
  static let minimum = 60
  static let lanes = 6
  /// The create routes the duplicate check must see commit-then-fail hit, and the kinds of
  /// duplicate it must catch there.
  static let duplicateRoutes = ["POST /v1/bots", "POST /v1/webhooks", "POST /api/v1/agents"]
  static let duplicateKinds = ["bot", "webhook", "chat agent"]

  @Test(.timeLimit(.minutes(10)))
  func faultsNeverDuplicateLoseOrLeakOnBotHeroAndHeppu() async throws {
    let scenarios = try ScenarioLanes.seeds(
      "HEHO_BOTHERO_SCENARIOS", count: Self.defaultCount, minimum: Self.minimum
    ).map { BotHeroScenario.make(seed: $0) }
    let outcomes = try await ScenarioLanes.run(scenarios, lanes: Self.lanes) {
      await BotHeroScenarioRun.run($0, on: $1)
    }
    #expect(outcomes.count == scenarios.count)
    for outcome in outcomes.sorted(by: { $0.seed < $1.seed }) {
      ScenarioLanes.record(
        "BotHero", seed: outcome.seed, problems: outcome.problems,
        variable: "HEHO_BOTHERO_SCENARIOS", rerun: Self.minimum)
    }
    // The seeds refuse a run under the minimum, so every run here is a full one: it proves
    // something only if its faults hit what could go wrong.
    let coverage = BotHeroCoverage(outcomes)
    print("bothero and heppu reliability: \(coverage)")
    for problem in coverage.problems {
      Issue.record(Comment(rawValue: "\(problem) in \(outcomes.count) scenarios"))
    }
  }

  /// The duplicate check can fail: with the look-up before a re-sent create switched off,
  /// commit-then-fail on creates makes duplicated bots, webhooks and chat agents, and the checks
  /// report each kind. With it on, the same scenarios make none.
  @Test(.timeLimit(.minutes(5)))
  func theDuplicateCheckCatchesACreateResentWithoutALookUp() async throws {
    let scenarios = (1...6).map { BotHeroScenario.createHeavy(seed: UInt64($0)) }
    // Each mode on its own platform, side by side: a platform's faults are its own.
    async let blindRun = CreateSafety.$resendWithoutLookup.withValue(true) {
      try await BotHeroScenarioRun.runAll(scenarios)
    }
    async let safeRun = BotHeroScenarioRun.runAll(scenarios)
    let (blind, safe) = try await (blindRun, safeRun)
    let caught = BotHeroCoverage(blind)
    let control = BotHeroCoverage(safe)
    for route in Self.duplicateRoutes {
      #expect(
        (caught.commitThenFail[route] ?? 0) > 0,
        "no commit-then-fail hit \(route) in the run without look-ups: it could make no duplicate")
      #expect(
        (control.commitThenFail[route] ?? 0) > 0,
        "no commit-then-fail hit \(route) in the run with look-ups: it proves nothing")
    }
    for kind in Self.duplicateKinds {
      #expect(
        (caught.duplicates[kind] ?? 0) > 0,
        Comment(
          rawValue: "a \(kind) create re-sent without a look-up made no duplicate the checks "
            + "reported: \(blind.flatMap(\.problems).prefix(5))"))
    }
    let problems = safe.flatMap(\.problems)
    #expect(control.duplicates.isEmpty && problems.isEmpty, "\(problems)")
    let figures = { (coverage: BotHeroCoverage) in
      Self.duplicateRoutes.map { "\($0) \(coverage.commitThenFail[$0] ?? 0)" }
        .joined(separator: ", ")
    }
    let duplicates = Self.duplicateKinds.map { "\($0) \(caught.duplicates[$0] ?? 0)" }
    print(
      "bothero and heppu duplicate check: \(scenarios.count) scenarios; without look-ups "
        + "commit-then-fail \(figures(caught)), duplicates caught: "
        + "\(duplicates.joined(separator: ", ")); with look-ups commit-then-fail "
        + "\(figures(control)), \(problems.count) problems")
  }
}
