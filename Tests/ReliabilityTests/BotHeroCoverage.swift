import LocalServerKit

/// What a BotHero and Heppu run really put to the test, counted from the platform's metrics:
/// faults per platform and kind, commit-then-fail on each create route, renames hit by a fault,
/// runs that needed a second or a third apply, and webhook secrets written. A run that shows
/// too little of it proved too little, and `problems` says what is missing.
struct BotHeroCoverage: CustomStringConvertible {
  /// Each platform, with the path prefix of its routes.
  static let platforms = [("bothero", "/v1/"), ("heppu", "/api/v1/agents")]
  /// The routes whose lost answers could duplicate a resource.
  static let createRoutes = [
    "POST /v1/bots", "POST /v1/webhooks", "POST /v1/knowledge/upload", "POST /api/v1/agents",
  ]

  var scenarios = 0
  /// Fault kinds some scenario asked for, by command-line name.
  var drawnKinds: Set<String> = []
  /// Faults injected, per platform, then per kind.
  var fired: [String: [String: Int]] = [:]
  /// Commit-then-fail faults per create route.
  var commitThenFail: [String: Int] = [:]
  /// Renames to make, and those whose update was hit by a fault, by kind (`bot`, `agent`).
  var renames: [String: Int] = [:]
  var renamesUnderFaults: [String: Int] = [:]
  /// Scenarios that needed a second apply run, and a third.
  var secondApplies = 0
  var thirdApplies = 0
  /// Webhook creates and updates sent (each carries a secret when it sets one), webhooks
  /// holding their manifest's secret after the run, and of those the ones re-keyed in place.
  var webhookWrites = 0
  var secretsHeld = 0
  var secretsReplaced = 0
  /// Managed resources found more than once, by kind.
  var duplicates: [String: Int] = [:]

  init(_ outcomes: [BotHeroOutcome]) {
    for outcome in outcomes {
      scenarios += 1
      drawnKinds.formUnion(outcome.drawnKinds)
      for (route, kinds) in outcome.faults {
        if let platform = Self.platform(of: route) {
          fired[platform, default: [:]].merge(kinds, uniquingKeysWith: +)
        }
        if Self.createRoutes.contains(route) {
          commitThenFail[route, default: 0] += kinds["commit-then-fail"] ?? 0
        }
      }
      for rename in outcome.renames {
        renames[rename.kind, default: 0] += 1
        if outcome.faults(on: rename.route) > 0 {
          renamesUnderFaults[rename.kind, default: 0] += 1
        }
      }
      if outcome.applies >= 2 { secondApplies += 1 }
      if outcome.applies >= 3 { thirdApplies += 1 }
      for (route, count) in outcome.routes
      where route == "POST /v1/webhooks" || route.hasPrefix("PATCH /v1/webhooks/") {
        webhookWrites += count
      }
      secretsHeld += outcome.secretsHeld
      secretsReplaced += outcome.secretsReplaced
      duplicates.merge(outcome.duplicates, uniquingKeysWith: +)
    }
  }

  /// The platform whose API a route (`METHOD /path`) belongs to, `nil` for any other.
  static func platform(of route: String) -> String? {
    guard let space = route.firstIndex(of: " ") else { return nil }
    let path = route[route.index(after: space)...]
    return platforms.first { path.hasPrefix($0.1) }?.0
  }

  /// What a run of at least the suite's minimum must have shown; empty when it showed all.
  var problems: [String] {
    var problems: [String] = []
    // Only drawn kinds can fire, so every kind must also have been drawn.
    for kind in FaultConfiguration.Kind.allCases.map(\.commandLineName)
    where !drawnKinds.contains(kind) {
      problems.append("no scenario drew the fault kind \(kind)")
    }
    for (platform, prefix) in Self.platforms {
      for kind in drawnKinds.sorted() where (fired[platform]?[kind] ?? 0) == 0 {
        problems.append(
          "scenarios drew the fault kind \(kind), but it never fired on \(platform)'s routes "
            + "(\(prefix)…)")
      }
    }
    for route in Self.createRoutes where (commitThenFail[route] ?? 0) == 0 {
      problems.append("no commit-then-fail hit \(route)")
    }
    for kind in ["bot", "agent"] where (renamesUnderFaults[kind] ?? 0) == 0 {
      problems.append(
        "no \(kind) rename was hit by a fault on its update (\(renames[kind] ?? 0) renames)")
    }
    if secondApplies == 0 { problems.append("no scenario needed a second apply") }
    if thirdApplies == 0 { problems.append("no scenario needed a third apply") }
    if webhookWrites == 0 || secretsHeld == 0 {
      problems.append("no webhook was written with its secret and found holding it")
    }
    if secretsReplaced == 0 {
      problems.append("no webhook signed with an older secret was re-keyed in place")
    }
    return problems
  }

  var description: String {
    let fired = Self.platforms.map { platform, _ in
      let kinds = (self.fired[platform] ?? [:]).sorted { $0.key < $1.key }
        .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      return "\(platform) [\(kinds)]"
    }
    let creates = Self.createRoutes.map { "\($0) \(commitThenFail[$0] ?? 0)" }
    let renamed = ["bot", "agent"].map {
      "\(renamesUnderFaults[$0] ?? 0) of \(renames[$0] ?? 0) \($0)s"
    }
    return "\(scenarios) scenarios; faults fired: \(fired.joined(separator: "; ")); "
      + "commit-then-fail on creates: \(creates.joined(separator: ", ")); renames under "
      + "faults: \(renamed.joined(separator: ", ")); \(secondApplies) needed a second apply, "
      + "\(thirdApplies) a third; \(webhookWrites) webhook writes, \(secretsHeld) webhooks "
      + "holding their secret (\(secretsReplaced) re-keyed in place)"
  }
}
