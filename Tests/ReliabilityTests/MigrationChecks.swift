import Foundation
import HehoManifest
import HehoTestSupport

/// What a finished migration scenario must have left: on the platform, the schema as declared,
/// every row once with its values as `MigrationOracle` works them out, the chatbot with its ID
/// and access; in the project folder, a backup holding every row and no journal.
enum MigrationChecks {
  /// The chatbot `reader` as the platform lists it (its ID and table slots).
  static func chatbot(_ api: PlatformAPI) async throws -> [String: Any] {
    let list = try await api.object("GET", "/api/v1/chatbots/manage")
    let chatbots = list["chatbots"] as? [[String: Any]] ?? []
    return chatbots.first { $0["name"] as? String == "reader" } ?? [:]
  }

  static func platform(
    _ scenario: MigrationScenario, api: PlatformAPI, chatbotBefore: [String: Any]
  ) async throws -> [String] {
    var problems: [String] = []
    let tables = try await api.object("GET", "/api/v1/database/manage")
    let items = (tables["tables"] as? [[String: Any]] ?? []).first {
      $0["table_name"] as? String == "items"
    }
    let columns = (items?["columns"] as? [[String: Any]] ?? []).map {
      "\($0["column_name"] ?? "") \($0["data_type"] ?? "")"
    }
    problems += MigrationOracle.columns(columns, declared: scenario.after)
    let read = try await api.object(
      "POST", "/api/v1/database/manage", json: ["action": "read", "tableName": "items"])
    let rows = try (read["data"] as? [[String: Any]] ?? []).map { row in
      try JSONDecoder().decode(
        [String: Value].self, from: JSONSerialization.data(withJSONObject: row))
    }
    var byID: [Value: [[String: Value]]] = [:]
    for row in rows { byID[row["id"] ?? .null, default: []].append(row) }
    let types = Dictionary(
      scenario.after.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
    for row in scenario.rows {
      let id = row["id"] ?? .null
      guard let found = byID[id], let live = found.first else {
        problems.append("row id \(id) is lost")
        continue
      }
      if found.count > 1 { problems.append("row id \(id) is on the platform \(found.count) times") }
      problems += MigrationOracle.row(live, expected: scenario.expected(row), types: types, id: id)
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
  static func files(_ scenario: MigrationScenario, in directory: URL) -> [String] {
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
