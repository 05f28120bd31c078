import Foundation
import HeHoProvider
import HehoManifest
import HehoTestSupport
@_spi(Testing) import LocalServerKit
@_spi(FaultTesting) import PlatformKit
import Testing

/// Faults never duplicate or lose a row of a TableData: seeded scenarios (rows from CSV, some
/// already on the platform as declared, some changed by hand, some not declared; prune or not),
/// each applied under injected faults (commit-then-fail and dropped connections included) at
/// most three times, then checked against the platform with faults off.
@Suite struct TableDataReliabilityTests {
  /// Scenarios per run (`HEHO_TABLEDATA_SCENARIOS`), at least `minimum`.
  static let defaultCount = 60
  static let minimum = 20
  static let lanes = 4

  @Test(.timeLimit(.minutes(10)))
  func faultsNeverDuplicateOrLoseARow() async throws {
    let scenarios = try ScenarioLanes.seeds(
      "HEHO_TABLEDATA_SCENARIOS", count: Self.defaultCount, minimum: Self.minimum
    ).map { TableDataScenario.make(seed: $0) }
    let count = scenarios.count
    let outcomes = try await ScenarioLanes.run(scenarios, lanes: Self.lanes) {
      await Self.run($0, on: $1)
    }
    for (seed, problems, _) in outcomes {
      ScenarioLanes.record(
        "TableData", seed: seed, problems: problems, variable: "HEHO_TABLEDATA_SCENARIOS",
        rerun: Self.minimum)
    }
    let uncertain = outcomes.reduce(0) { $0 + $1.2 }
    #expect(uncertain > 0, "no fault left the outcome of a row write unknown in \(count) scenarios")
    print(
      "tabledata reliability: \(count) scenarios, \(uncertain) faults that left a row API "
        + "request's outcome unknown (commit-then-fail or a dropped connection)")
  }

  /// The checks can fail: with the look-up before a re-sent add switched off, lost answers to
  /// adds of rows keyed by a column other than the primary key make duplicates, and the checks
  /// report them.
  @Test(.timeLimit(.minutes(5)))
  func theDuplicateCheckCatchesAnAddResentWithoutALookUp() async throws {
    let scenarios = (1...5).map { seed in
      var scenario = TableDataScenario.make(seed: UInt64(seed))
      scenario.faults = FaultConfiguration(
        rate: 0.4, seed: UInt64(seed), kinds: [.commitThenFail], retryAfterSeconds: 0)
      return scenario
    }
    let blind = try await CreateSafety.$resendWithoutLookup.withValue(true) {
      let platform = try await LocalPlatform.start(.init(rateLimit: 0))
      var problems: [String] = []
      for scenario in scenarios { problems += await Self.run(scenario, on: platform).1 }
      try await platform.shutdown()
      return problems
    }
    #expect(
      blind.contains { $0.contains("stores: key") && $0.contains("on the platform 2 times") },
      "an add re-sent without a look-up made no duplicate: \(blind)")
  }

  /// The problems a scenario left, and how many row API requests ended with an unknown outcome.
  static func run(_ scenario: TableDataScenario, on platform: LocalPlatform) async -> (
    UInt64, [String], Int
  ) {
    var problems: [String] = []
    var uncertain = 0
    let directory = ProjectFiles.folder("rows")
    defer { try? FileManager.default.removeItem(at: directory) }
    do {
      let key = try await platform.organization(for: "rows", seed: scenario.seed)
      let api = PlatformAPI(baseURL: platform.baseURL, key: key)
      try ProjectFiles.write(scenario.files(), to: directory)
      for table in scenario.tables where table.existsBefore {
        let columns: [[String: Any]] = table.columns.map { column in
          var entry: [String: Any] = ["name": column.name, "type": column.type]
          if column.primaryKey { entry["primaryKey"] = true }
          if column.notNull { entry["notNull"] = true }
          return entry
        }
        try await api.send(
          "POST", "/api/v1/database/tables", json: ["tableName": table.name, "columns": columns])
        for row in table.live {
          let data = try JSONSerialization.jsonObject(with: JSONEncoder().encode(row))
          try await api.send(
            "POST", "/api/v1/database/manage",
            json: ["action": "add", "tableName": table.name, "data": data])
        }
      }
      let environment = ["HEHO_API_KEY": key, "NO_COLOR": "1"]
      let arguments =
        ["apply", "-f", directory.path, "--auto-approve", "--endpoint", platform.baseURL]
        + (scenario.prune ? ["--allow-data-loss"] : [])
      await platform.resetMetrics()
      await platform.setFaults(scenario.faults)
      for _ in 1...3 where await CommandRunner.run(arguments, environment: environment).code != 0 {
        continue
      }
      let metrics = await platform.metrics()
      let route = "POST /api/v1/database/manage"
      uncertain =
        metrics.faults(.commitThenFail, route: route)
        + metrics.faults(.dropConnection, route: route)
      await platform.setFaults(.none)
      let settle = await CommandRunner.run(arguments, environment: environment)
      if settle.code != 0 { problems.append("the apply without faults failed:\n\(settle.all)") }
      let plan = await CommandRunner.run(
        ["plan", "-f", directory.path, "--detailed-exitcode", "--endpoint", platform.baseURL],
        environment: environment)
      if plan.code != 0 { problems.append("the plan after apply is not empty:\n\(plan.out)") }
      for table in scenario.tables {
        problems += try await check(table, prune: scenario.prune, api: api)
      }
    } catch {
      problems.append("the scenario could not run: \(error)")
    }
    return (scenario.seed, problems, uncertain)
  }

  /// Every declared row exactly once with its values (normalized as heho normalizes them);
  /// rows not declared kept once, unless the set prunes.
  static func check(_ table: TableDataScenario.Table, prune: Bool, api: PlatformAPI) async throws
    -> [String]
  {
    var problems: [String] = []
    let read = try await api.object(
      "POST", "/api/v1/database/manage", json: ["action": "read", "tableName": table.name])
    let rows = read["data"] as? [[String: Any]] ?? []
    var byKey: [String: [[String: Any]]] = [:]
    for row in rows { byKey["\(row[table.key] ?? "")", default: []].append(row) }
    for (key, found) in byKey where found.count > 1 {
      problems.append("\(table.name): key \(key) is on the platform \(found.count) times")
    }
    let types = Dictionary(
      table.columns.map { ($0.name, HeHoTypes.canonical($0.type)) }, uniquingKeysWith: { a, _ in a }
    )
    for row in table.rows {
      let key = row[table.key] ?? ""
      guard let live = byKey[key]?.first else {
        problems.append("\(table.name): declared row \(key) is missing")
        continue
      }
      for (column, text) in row {
        let declared = text.isEmpty ? Value.null : Value.string(text)
        let expected = try? RowValues.normalize(declared, type: types[column]).get()
        let body = try JSONSerialization.data(withJSONObject: ["v": live[column] ?? NSNull()])
        let liveValue = try JSONDecoder().decode([String: Value].self, from: body)["v"] ?? .null
        let observed = try? RowValues.normalize(liveValue, type: types[column]).get()
        if expected != observed {
          problems.append(
            "\(table.name) row \(key): \(column) is \(String(describing: observed)), declared "
              + String(describing: expected))
        }
      }
    }
    let declared = Set(table.rows.compactMap { $0[table.key] })
    for live in table.live {
      let key = live[table.key]?.stringValue ?? ""
      guard !declared.contains(key) else { continue }
      let present = byKey[key] != nil
      if prune && present {
        problems.append("\(table.name): \(key) is not declared and not pruned")
      }
      if !prune && !present {
        problems.append("\(table.name): \(key) was not declared and is gone")
      }
    }
    return problems
  }
}
