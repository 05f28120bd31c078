/// Checks the end state of a scenario, with faults off.
struct FinalChecks {
  let scenario: Scenario
  let initial: LiveSnapshot
  let final: LiveSnapshot
  var problems: [String] = []

  /// A refused scenario: still refused, for every expected reason, and the live state is
  /// exactly as it was.
  mutating func refused(plan: RunResult) {
    let missing = scenario.refusalTexts.filter { !plan.out.contains($0) }
    if plan.code != 1 || !missing.isEmpty {
      problems.append(
        "plan (faults off) does not refuse as expected: exit \(plan.code), missing \(missing)")
    }
    if final != initial { problems.append("the live state changed although every run was refused") }
  }

  /// A scenario heho may apply: converged, empty plan, exactly the expected resources, no rows
  /// lost that were not allowed to be.
  mutating func converged(lastApply: RunResult?, plan: RunResult) {
    if let lastApply, lastApply.code != 0 {
      problems.append("apply did not converge in 3 runs under faults")
    }
    if plan.code != 0 { problems.append("plan after apply is not empty (exit \(plan.code))") }
    let tables = Set(final.tables.keys)
    if tables != scenario.expectedTables {
      problems.append("tables are \(tables.sorted()), expected \(scenario.expectedTables.sorted())")
    }
    for desired in scenario.tables {
      if let shape = final.tables[desired.table.name], shape != desired.table.shape {
        problems.append(
          "table \(desired.table.name) has columns \(shape), expected \(desired.table.shape)")
      }
    }
    let chatbots = final.chatbots.map(\.settled.name)
    if chatbots != scenario.expectedChatbots {
      problems.append("chatbots are \(chatbots), expected \(scenario.expectedChatbots)")
    }
    for desired in scenario.chatbots {
      guard let observed = final.chatbot(desired.name) else { continue }
      if observed.settled != desired.settled {
        problems.append(
          "chatbot \(desired.name) is \(observed.settled), expected \(desired.settled)")
      }
    }
    keptIdentities()
    keptRows()
  }

  /// Chatbots that needed no change keep their ID: no needless replacement. (A chatbot that
  /// uses a table being replaced is replaced with it, so its reference never dangles.) A name
  /// the platform held several times, left alone, keeps every one of its IDs.
  mutating func keptIdentities() {
    let replacedTables = Set(
      scenario.liveTables.filter { live in
        scenario.desiredTable(live.table.name).map { $0.table.shape != live.table.shape } ?? false
      }.map(\.table.name))
    for before in initial.chatbots {
      let name = before.settled.name
      let desired = scenario.desiredChatbot(name)
      let usesReplaced = before.settled.access.contains { replacedTables.contains($0.table) }
      let unchanged =
        !usesReplaced && (desired.map { $0.settled == before.settled } ?? !scenario.prune)
      guard unchanged else { continue }
      let ids = Set(final.chatbots.filter { $0.settled.name == name }.map(\.id))
      if !ids.contains(before.id) {
        problems.append("chatbot \(name) (ID \(before.id)) needed no change but was replaced")
      }
    }
  }

  /// Rows survive unless losing them was allowed; a replaced table starts empty.
  mutating func keptRows() {
    for live in scenario.liveTables where live.rows > 0 {
      let name = live.table.name
      guard let rows = final.rows[name] else { continue }
      let replaced = scenario.desiredTable(name).map { $0.table.shape != live.table.shape } ?? false
      let expected = replaced ? 0 : live.rows
      if rows != expected {
        problems.append("table \(name) has \(rows) rows, expected \(expected) (had \(live.rows))")
      }
    }
  }
}
