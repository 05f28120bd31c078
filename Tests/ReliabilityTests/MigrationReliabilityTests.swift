import Foundation
import HeHoPlatform
@_spi(FaultTesting) import HehoEngine
import HehoLocal
import HehoManifest
import HehoTestSupport
import Testing

/// A copy-migration never loses a row: seeded scenarios (a table with rows and a chatbot that
/// reads it, random column changes, faults on every request, and the first apply stopped at a
/// random point of the migration as a crash would), applied at most three times (the last
/// without faults), then checked against the platform: the schema is as declared, every row
/// is there once with its values converted, the chatbot kept its ID and its access, the backup
/// holds every row, and no journal is left.
@Suite struct MigrationReliabilityTests {
  /// Scenarios per run (`HEHO_MIGRATION_SCENARIOS`), at least `minimum`.
  static let defaultCount = 200
  static let minimum = 20
  static let lanes = 4

  @Test(.timeLimit(.minutes(10)))
  func stoppedOrFaultedMigrationsNeverLoseARow() async throws {
    let scenarios = try ScenarioLanes.seeds(
      "HEHO_MIGRATION_SCENARIOS", count: Self.defaultCount, minimum: Self.minimum
    ).map { MigrationScenario.make(seed: $0) }
    let count = scenarios.count
    let outcomes = try await ScenarioLanes.run(scenarios, lanes: Self.lanes) {
      await Self.run($0, on: $1)
    }
    for (seed, problems, _) in outcomes where !problems.isEmpty {
      let scenario = MigrationScenario.make(seed: seed)
      Issue.record(
        Comment(
          rawValue: "migration scenario \(seed) (\(scenario.summary)); rerun with "
            + "HEHO_RELIABILITY_FIRST_SEED=\(seed) HEHO_MIGRATION_SCENARIOS=\(Self.minimum):\n  "
            + problems.joined(separator: "\n  ")))
    }
    let stopped = scenarios.filter { $0.stop != nil }.count
    let resumed = outcomes.filter(\.2).count
    #expect(resumed > 0, "no plan showed a migration to resume in \(count) scenarios")
    print(
      "migration reliability: \(count) scenarios, \(stopped) stopped once as by a crash, "
        + "\(resumed) resumed from a journal, "
        + "\(scenarios.filter(\.lossy).count) losing data with consent")
  }

  /// The problems a scenario left, and whether a plan showed a migration to resume.
  static func run(_ scenario: MigrationScenario, on platform: LocalPlatform) async -> (
    UInt64, [String], Bool
  ) {
    var problems: [String] = []
    var resumed = false
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-migration-reliability-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    do {
      let key = try await platform.createOrganization(
        named: "migration-\(scenario.seed)-\(UUID().uuidString.prefix(8))")
      let api = PlatformAPI(baseURL: platform.baseURL, key: key)
      let environment = ["HEHO_API_KEY": key, "NO_COLOR": "1"]
      let apply = ["apply", "-f", directory.path, "--auto-approve", "--endpoint", platform.baseURL]
      try write(scenario.files(scenario.before), to: directory)
      let setup = await CommandRunner.run(apply, environment: environment)
      guard setup.code == 0 else { return (scenario.seed, ["setup failed:\n\(setup.all)"], false) }
      for row in scenario.rows {
        let data = try JSONSerialization.jsonObject(with: JSONEncoder().encode(row))
        try await api.send(
          "POST", "/api/v1/database/manage",
          json: ["action": "add", "tableName": "items", "data": data])
      }
      let chatbotBefore = try await chatbot(api)
      try write(scenario.files(scenario.after), to: directory)
      await platform.setFaults(scenario.faults)
      let stop = scenario.stop
      var done = false
      for attempt in 1...3 where !done {
        if attempt == 3 { await platform.setFaults(.none) }
        let plan = await CommandRunner.run(
          ["plan", "-f", directory.path, "--endpoint", platform.baseURL], environment: environment)
        if plan.out.contains("resume migration of table/items") { resumed = true }
        var hook: (@Sendable (MigrationRun.Checkpoint) -> Bool)?
        if attempt == 1, let stop { hook = { $0 == stop } }
        let result = await MigrationStops.$stop.withValue(hook) {
          await CommandRunner.run(apply, environment: environment)
        }
        done = result.code == 0
        if attempt == 3 && !done { problems.append("the third apply failed:\n\(result.all)") }
      }
      await platform.setFaults(.none)
      let plan = await CommandRunner.run(
        ["plan", "-f", directory.path, "--detailed-exitcode", "--endpoint", platform.baseURL],
        environment: environment)
      if plan.code != 0 { problems.append("the plan after apply is not empty:\n\(plan.out)") }
      problems += try await check(scenario, api: api, chatbotBefore: chatbotBefore)
      problems += checkFiles(scenario, in: directory)
    } catch {
      problems.append("the scenario could not run: \(error)")
    }
    return (scenario.seed, problems, resumed)
  }

  static func write(_ files: [(path: String, text: String)], to directory: URL) throws {
    for (path, text) in files {
      let url = directory.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
  }

  /// The chatbot `reader` as the platform lists it (its ID and table slots).
  static func chatbot(_ api: PlatformAPI) async throws -> [String: Any] {
    let list = try await api.object("GET", "/api/v1/chatbots/manage")
    let chatbots = list["chatbots"] as? [[String: Any]] ?? []
    return chatbots.first { $0["name"] as? String == "reader" } ?? [:]
  }

  /// The schema as declared, every row once with its values, the chatbot unchanged.
  static func check(
    _ scenario: MigrationScenario, api: PlatformAPI, chatbotBefore: [String: Any]
  ) async throws -> [String] {
    var problems: [String] = []
    let tables = try await api.object("GET", "/api/v1/database/manage")
    let items = (tables["tables"] as? [[String: Any]] ?? []).first {
      $0["table_name"] as? String == "items"
    }
    let columns = (items?["columns"] as? [[String: Any]] ?? []).map {
      "\($0["column_name"] ?? "") \(HehoTypes.canonical($0["data_type"] as? String ?? ""))"
    }
    let declared = scenario.after.map { "\($0.name) \(HehoTypes.canonical($0.type))" }
    if columns != declared { problems.append("columns are \(columns), declared \(declared)") }
    let read = try await api.object(
      "POST", "/api/v1/database/manage", json: ["action": "read", "tableName": "items"])
    let rows = try (read["data"] as? [[String: Any]] ?? []).map { row in
      try JSONDecoder().decode(
        [String: Value].self, from: JSONSerialization.data(withJSONObject: row))
    }
    var byID: [Value: [[String: Value]]] = [:]
    for row in rows { byID[row["id"] ?? .null, default: []].append(row) }
    let types = Dictionary(
      scenario.after.map { ($0.name, HehoTypes.canonical($0.type)) },
      uniquingKeysWith: { first, _ in first })
    for row in scenario.rows {
      let id = row["id"] ?? .null
      guard let found = byID[id], let live = found.first else {
        problems.append("row id \(id) is lost")
        continue
      }
      if found.count > 1 { problems.append("row id \(id) is on the platform \(found.count) times") }
      for (column, value) in scenario.expected(row) {
        let expected = try? RowValues.normalize(value, type: types[column]).get()
        let observed = try? RowValues.normalize(live[column] ?? .null, type: types[column]).get()
        if expected != observed {
          problems.append(
            "row id \(id): \(column) is \(String(describing: observed)), expected "
              + String(describing: expected))
        }
      }
    }
    if rows.count != scenario.rows.count {
      problems.append("the table has \(rows.count) rows, expected \(scenario.rows.count)")
    }
    let chatbotAfter = try await chatbot(api)
    if chatbotAfter["id"] as? String != chatbotBefore["id"] as? String {
      problems.append("the chatbot reading the table was replaced (its ID changed)")
    }
    let slotsBefore = "\(chatbotBefore["data_tables"] ?? chatbotBefore["data_table_1"] ?? "")"
    let slotsAfter = "\(chatbotAfter["data_tables"] ?? chatbotAfter["data_table_1"] ?? "")"
    if slotsBefore != slotsAfter || !slotsAfter.contains("items") {
      problems.append("the chatbot's access changed: \(slotsBefore) → \(slotsAfter)")
    }
    return problems
  }

  /// The backup holds every row; no journal is left.
  static func checkFiles(_ scenario: MigrationScenario, in directory: URL) -> [String] {
    var problems: [String] = []
    let backups = directory.appendingPathComponent(".heho/backups")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: backups.path)) ?? []
    let lines = names.filter { $0.hasPrefix("items-") && $0.hasSuffix(".jsonl") }.map { name in
      (try? String(contentsOf: backups.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }
    if !lines.contains(where: { text in
      scenario.rows.allSatisfy { row in
        text.contains("\"id\":\(row["id"]?.intValue ?? -1),")
          || text.contains("\"id\":\(row["id"]?.intValue ?? -1)}")
      }
    }) {
      problems.append("no backup holds every row (backups: \(names))")
    }
    let journals = directory.appendingPathComponent(".heho/migrations")
    let left = ((try? FileManager.default.contentsOfDirectory(atPath: journals.path)) ?? [])
      .filter { $0.hasSuffix(".json") }
    if !left.isEmpty { problems.append("journals are left: \(left)") }
    return problems
  }
}
