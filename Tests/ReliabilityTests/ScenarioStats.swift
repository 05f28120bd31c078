import LocalServerKit

/// How often each situation came up across a run, to show the scenarios cover what they
/// should and that the faults they draw really fired.
struct ScenarioStats: CustomStringConvertible {
  static let chatbotCreate = "POST /api/v1/chatbots/manage"
  static let tableCreate = "POST /api/v1/database/tables"

  var scenarios = 0
  var refused = 0
  var lostRowsAllowed = 0
  var pruned = 0
  var retriedRuns = 0
  /// Scenarios whose first run met a fault storm.
  var storms = 0
  var createdUnderFaults = 0
  var applyRuns = 0
  /// Fault kinds some scenario asked for (a non-zero rate), by command-line name.
  var drawnKinds: Set<String> = []
  /// Faults injected in all apply runs, per kind.
  var faults: [String: Int] = [:]
  /// Faults injected in all apply runs, per route and kind.
  var faultsByRoute: [String: [String: Int]] = [:]
  /// Unknown-outcome creates that a look-up found and adopted.
  var adopted = 0
  /// Scenarios whose live state held a chatbot name more than once.
  var duplicateNames = 0
  /// Of those, the ones refused as ambiguous (a manifest names the repeated name, or pruning).
  var duplicateNamesRefused = 0
  /// Of those, the ones that passed every check.
  var duplicateNamesPassed = 0

  init(_ outcomes: [ScenarioOutcome]) {
    for outcome in outcomes {
      let scenario = outcome.scenario
      scenarios += 1
      if scenario.expectsRefusal { refused += 1 }
      if !scenario.expectsRefusal && scenario.dataLoss.contains(where: \.allowed) {
        lostRowsAllowed += 1
      }
      if scenario.prune && !scenario.expectsRefusal { pruned += 1 }
      let applies = outcome.runs.filter { $0.arguments.first == "apply" }
      applyRuns += applies.count
      if applies.count > 1 { retriedRuns += 1 }
      if scenario.stormRate != nil { storms += 1 }
      if scenario.faults.rate > 0.05, applies.contains(where: { ($0.summary?["created"] ?? 0) > 0 })
      {
        createdUnderFaults += 1
      }
      if scenario.faults.rate > 0 {
        drawnKinds.formUnion(scenario.faults.kinds.map(\.commandLineName))
      }
      for (route, kinds) in outcome.faults {
        faultsByRoute[route, default: [:]].merge(kinds, uniquingKeysWith: +)
        faults.merge(kinds, uniquingKeysWith: +)
      }
      adopted += outcome.adopted
      if !scenario.duplicatedLiveNames.isEmpty {
        duplicateNames += 1
        if !scenario.ambiguousNames.isEmpty { duplicateNamesRefused += 1 }
        if outcome.passed { duplicateNamesPassed += 1 }
      }
    }
  }

  /// Commit-then-fail faults that hit a create route.
  func commitThenFail(on route: String) -> Int {
    faultsByRoute[route]?[FaultConfiguration.Kind.commitThenFail.commandLineName] ?? 0
  }

  /// What a run of at least `ReliabilityTests.minimumScenarios` must have shown; empty when
  /// it showed all of it.
  var coverageProblems: [String] {
    var problems: [String] = []
    // Every kind must be drawn, or a check of the drawn kinds alone would pass on none.
    for kind in FaultConfiguration.Kind.allCases.map(\.commandLineName) {
      if !drawnKinds.contains(kind) {
        problems.append("no scenario drew the fault kind \(kind)")
      } else if (faults[kind] ?? 0) == 0 {
        problems.append("scenarios drew the fault kind \(kind), but it never fired")
      }
    }
    for route in [Self.chatbotCreate, Self.tableCreate] where commitThenFail(on: route) == 0 {
      problems.append("no commit-then-fail hit \(route)")
    }
    if retriedRuns == 0 { problems.append("no scenario needed a second apply") }
    if adopted == 0 { problems.append("no unknown-outcome create was resolved by a look-up") }
    if refused == 0 || lostRowsAllowed == 0 || pruned == 0 || createdUnderFaults == 0 {
      problems.append("the generator stopped producing refusals, allowed losses or pruning")
    }
    if duplicateNames == 0 || duplicateNamesRefused == 0 || duplicateNamesRefused == duplicateNames
    {
      problems.append("the generator stopped producing repeated chatbot names of both outcomes")
    }
    return problems
  }

  var description: String {
    let kinds = faults.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
    return "\(refused) refused as expected, \(lostRowsAllowed) losing rows as allowed, "
      + "\(pruned) pruning, \(retriedRuns) needing a second or third apply (\(storms) with a fault storm on the "
      + "first), \(applyRuns) apply runs in all; faults fired: \(kinds.joined(separator: ", ")); commit-then-fail on "
      + "creates: \(commitThenFail(on: Self.chatbotCreate)) chatbot, "
      + "\(commitThenFail(on: Self.tableCreate)) table; \(adopted) unknown-outcome creates "
      + "resolved by a look-up; \(duplicateNames) with a repeated chatbot name on the platform "
      + "(\(duplicateNamesRefused) refused as ambiguous, the rest left alone; "
      + "\(duplicateNamesPassed) passed)"
  }
}
