/// What one BotHero and Heppu scenario left: its problems, and what the platform counted while
/// the scenario's faults were on, which shows what the scenario really put to the test.
struct BotHeroOutcome: Sendable {
  var seed: UInt64
  /// The fault kinds the scenario asked for, by command-line name (none at a zero rate).
  var drawnKinds: Set<String>
  var problems: [String] = []
  /// Faults injected during the apply runs under faults, per route (`METHOD /path`) and kind.
  var faults: [String: [String: Int]] = [:]
  /// Requests during the apply runs under faults, per route.
  var routes: [String: Int] = [:]
  /// Apply runs under faults (up to three: the first that succeeds ends them).
  var applies = 0
  /// The resources the apply had to rename in place, with the routes that rename them.
  var renames: [BotHeroSetup.Rename] = []
  /// Managed resources the checks found more than once, by kind.
  var duplicates: [String: Int] = [:]
  /// Webhooks holding their manifest's secret, and of those the ones re-keyed in place.
  var secretsHeld = 0
  var secretsReplaced = 0

  /// Faults that hit `route`, all kinds together.
  func faults(on route: String) -> Int {
    faults[route]?.values.reduce(0, +) ?? 0
  }
}
