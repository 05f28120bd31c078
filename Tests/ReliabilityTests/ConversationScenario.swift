import LocalServerKit

/// One seeded run of the example conversation tests under faults: the faults the platform
/// injects while `heho test` runs, and how many conversations run at once. Everything is drawn
/// from the seed, so a seed reproduces the scenario (which request draws which fault follows
/// arrival order, as in the other suites).
struct ConversationScenario: Sendable {
  var seed: UInt64
  /// The faults on while the tests run (the applies before them run without faults).
  var faults: FaultConfiguration
  /// `heho test --parallelism`.
  var parallelism: Int

  /// The examples every scenario tests: the omnichannel project (four tests on three
  /// platforms, all passing) and the broken prompt (one failing test). Each is applied to an
  /// organization of its own: both name the Heppu agent `website-chat`.
  static let examples = ["omnichannel", "broken-prompt"]

  /// The scenario of `seed`. The rate stays at 0.2 or under: five faults in a row on one
  /// request exhaust the client's retries, and a turn whose retries ran out is an error by
  /// design (the test did not run), not a verdict that depends on faults.
  static func make(seed: UInt64) -> ConversationScenario {
    var random = SplitMix64(seed: seed &* 0x9E37_79B9 &+ 24)
    var kinds = Set(
      random.some(FaultConfiguration.Kind.allCases, count: random.int(1...5)))
    // Every other scenario meets commit-then-fail: a turn whose answer was lost after the
    // platform handled it (a BotHero conversation then holds the message twice).
    if seed % 2 == 0 { kinds.insert(.commitThenFail) }
    let faults = FaultConfiguration(
      rate: Double(random.int(8...20)) / 100, seed: seed, kinds: kinds, retryAfterSeconds: 0)
    return ConversationScenario(
      seed: seed, faults: faults, parallelism: random.pick([1, 2, 4], or: 1))
  }

  /// The fault kinds this scenario asks for, by command-line name.
  var drawnKinds: Set<String> {
    faults.rate > 0 ? Set(faults.kinds.map(\.commandLineName)) : []
  }
}
