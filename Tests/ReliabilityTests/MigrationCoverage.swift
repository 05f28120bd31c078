import LocalServerKit

/// What a run of migration scenarios proved, counted from the platform and the commands'
/// answers: faults per step and kind, real stops and resumes per point, applies needed.
struct MigrationCoverage: CustomStringConvertible {
  /// Faults per migration step, then per kind.
  var faults: [String: [String: Int]] = [:]
  /// Requests per migration step.
  var requests: [String: Int] = [:]
  /// Real stops per point, and the resumes that followed them.
  var stops: [String: Int] = [:]
  var resumes: [String: Int] = [:]
  /// Scenarios that needed more than one apply.
  var retried = 0

  init(_ outcomes: [MigrationOutcome]) {
    for outcome in outcomes {
      for (step, kinds) in outcome.faults {
        faults[step, default: [:]].merge(kinds, uniquingKeysWith: +)
      }
      requests.merge(outcome.requests, uniquingKeysWith: +)
      if let point = outcome.stoppedAt {
        stops[point, default: 0] += 1
        if outcome.resumedAfterStop { resumes[point, default: 0] += 1 }
      }
      if outcome.applies > 1 { retried += 1 }
    }
  }

  /// What a full run failed to show: a step no fault hit, a fault kind that never hit a
  /// migration, a point no apply stopped at or no plan resumed from.
  var problems: [String] {
    var problems: [String] = []
    for step in MigrationReliabilityTests.steps {
      let fired = faults[step]?.values.reduce(0, +) ?? 0
      if fired == 0 {
        problems.append(
          "no fault fired on a migration's \(step) (\(requests[step] ?? 0) requests)")
      }
    }
    for kind in FaultConfiguration.Kind.allCases {
      let fired = faults.values.reduce(0) { $0 + ($1[kind.commandLineName] ?? 0) }
      if fired == 0 { problems.append("no \(kind.commandLineName) fault hit a migration step") }
    }
    for point in MigrationScenario.points {
      if (stops[point] ?? 0) == 0 { problems.append("no apply stopped \(point)") }
      if (resumes[point] ?? 0) == 0 { problems.append("no migration stopped \(point) resumed") }
    }
    return problems
  }

  var description: String {
    let faultText = MigrationReliabilityTests.steps.map { step in
      let kinds = (faults[step] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
      return "\(step) \(kinds.isEmpty ? "none" : kinds.joined(separator: " "))"
        + " of \(requests[step] ?? 0) requests"
    }
    let stopText = MigrationScenario.points.map {
      "\($0) \(stops[$0] ?? 0) (resumed \(resumes[$0] ?? 0))"
    }
    return "faults by step: \(faultText.joined(separator: "; ")); stops: "
      + stopText.joined(separator: ", ") + "; \(retried) needed more than one apply"
  }
}
