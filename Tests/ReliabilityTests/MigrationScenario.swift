import Foundation
import HehoEngine
import HehoManifest
import LocalServerKit

/// A seeded copy-migration scenario: a table with rows and a chatbot that reads it, then random
/// column changes (most keep every value, some lose data with consent), applied under faults
/// and stopped once at a random point of the migration, as a crash would.
struct MigrationScenario: Sendable {
  /// One column: its name, its type as written, and its flags.
  struct Column: Sendable, Hashable {
    var name: String
    var type: String
    var primaryKey = false
    var notNull = false
    var defaultValue: String?
  }

  var seed: UInt64
  /// The table before and after.
  var before: [Column]
  var after: [Column]
  /// The rows on the platform before, by column (a value the row API takes).
  var rows: [[String: Value]]
  /// The changes made, in words (for reproductions).
  var changes: [String]
  /// Whether a change loses data (the table then allows it).
  var lossy: Bool
  var faults: FaultConfiguration
  /// Where the first apply stops, as a crash would; `nil` for none.
  var stop: MigrationRun.Checkpoint?

  static func make(seed: UInt64) -> MigrationScenario {
    var random = SplitMix64(seed: seed &* 6_271 &+ 29)
    let keyed = random.chance(0.75)
    var before = [Column(name: "id", type: "integer", primaryKey: keyed, notNull: !keyed)]
    before.append(Column(name: "name", type: "text", notNull: true))
    for extra in [
      Column(name: "qty", type: "integer"), Column(name: "price", type: "numeric"),
      Column(name: "born", type: "date"), Column(name: "flag", type: "boolean"),
    ] where random.chance(0.7) {
      before.append(extra)
    }
    var rows: [[String: Value]] = []
    for index in 0..<random.int(3...30) {
      var row: [String: Value] = ["id": .int(index + 1), "name": .string("Name \(index)")]
      for column in before.dropFirst(2) {
        if random.chance(0.15) { continue }  // null
        switch column.name {
        case "qty": row["qty"] = .int(random.int(-500...500))
        case "price":
          row["price"] =
            random.chance(0.5) ? .int(random.int(0...99)) : .double(0.5 + Double(index))
        case "born":
          row["born"] = .string(String(format: "2024-%02d-%02d", 1 + index % 12, 1 + index % 28))
        default: row["flag"] = .bool(random.chance(0.5))
        }
      }
      rows.append(row)
    }
    var after = before
    var changes: [String] = []
    var lossy = false
    while changes.isEmpty {
      if random.chance(0.35) {
        after.append(Column(name: "note", type: "text"))
        changes.append("add note (nullable)")
      }
      if random.chance(0.35) {
        after.append(Column(name: "stock", type: "integer", notNull: true, defaultValue: "0"))
        changes.append("add stock (not null, default 0)")
      }
      if let index = after.firstIndex(where: { $0.name == "qty" && $0.type == "integer" }),
        random.chance(0.4)
      {
        after[index].type = random.chance(0.5) ? "bigint" : "text"
        changes.append("qty integer → \(after[index].type)")
      }
      if let index = after.firstIndex(where: { $0.name == "born" && $0.type == "date" }),
        random.chance(0.3)
      {
        after[index].type = "timestamptz"
        changes.append("born date → timestamptz")
      }
      if let index = after.firstIndex(where: { $0.name == "flag" && $0.type == "boolean" }),
        random.chance(0.25)
      {
        after[index].type = "text"
        changes.append("flag boolean → text")
      }
      if let index = after.firstIndex(where: { $0.name == "name" && $0.notNull }),
        random.chance(0.25)
      {
        after[index].notNull = false
        changes.append("name no longer required")
      }
      if after.count > 3 && random.chance(0.25) {
        after = [after[0]] + after.dropFirst().reversed()
        changes.append("columns reordered")
      }
      if let index = after.firstIndex(where: { $0.name == "price" && $0.type == "numeric" }),
        random.chance(0.2)
      {
        after[index].type = "integer"
        changes.append("price numeric → integer (lossy)")
        lossy = true
      }
      let removable = after.indices.filter { !["id", "name", "price"].contains(after[$0].name) }
      if !removable.isEmpty && random.chance(0.2) {
        let index = removable[random.int(0...(removable.count - 1))]
        changes.append("remove \(after[index].name) (lossy)")
        after.remove(at: index)
        lossy = true
      }
    }
    let stops: [MigrationRun.Checkpoint] = [
      .backedUp, .dropped, .created, .restored(1 + rows.count / 3), .restored(rows.count),
      .verified,
    ]
    let stop = random.chance(0.75) ? random.pick(stops, or: .created) : nil
    let faults = FaultConfiguration(
      latencyMilliseconds: 0, rate: 0.05 + random.unit() * 0.2, seed: seed, retryAfterSeconds: 0)
    return MigrationScenario(
      seed: seed, before: before, after: after, rows: rows, changes: changes, lossy: lossy,
      faults: faults, stop: stop)
  }

  /// The manifests with the table as `columns`.
  func files(_ columns: [Column]) -> [(path: String, text: String)] {
    var table = [
      "apiVersion: heho/v1", "kind: Table", "metadata:", "  name: items", "spec:", "  columns:",
    ]
    for column in columns {
      table.append(
        "    - { name: \(column.name), type: \(column.type)"
          + (column.primaryKey ? ", primaryKey: true" : "")
          + (column.notNull ? ", notNull: true" : "")
          + (column.defaultValue.map { ", defaultValue: \($0)" } ?? "") + " }")
    }
    if lossy && columns == after { table += ["lifecycle:", "  allowDataLoss: true"] }
    let description = String(repeating: "Answers questions about the items table. ", count: 6)
    let chatbot = """
      apiVersion: heho/v1
      kind: Chatbot
      metadata:
        name: reader
      spec:
        goal: Item lookup
        description: "\(description)"
        model: qwen/qwen3-next-80b-a3b-instruct:free
      ---
      apiVersion: heho/v1
      kind: Permission
      metadata:
        name: reader-items
      spec:
        chatbot: reader
        table: items
        read: true
        write: true

      """
    return [
      (
        "heho.yaml",
        "apiVersion: heho/v1\nkind: Project\nmetadata:\n  name: migration-\(seed)\nspec:\n"
          + "  providers:\n    heho:\n      apiKeyEnv: HEHO_API_KEY\n"
      ),
      ("tables.yaml", table.joined(separator: "\n") + "\n"),
      ("chatbots.yaml", chatbot),
    ]
  }

  /// What a row holds after the migration, as literal values worked out here (not by heho's
  /// conversions): carried values converted to their new types, removed columns gone, new
  /// columns null or their default. A `date` made a `timestamptz` is midnight UTC of that day,
  /// written `YYYY-MM-DDT00:00:00Z` (compared as an instant: `MigrationOracle`).
  func expected(_ row: [String: Value]) -> [String: Value] {
    var result: [String: Value] = [:]
    let old = Dictionary(before.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    for column in after {
      guard let was = old[column.name] else {
        result[column.name] = column.defaultValue.map { .int(Int($0) ?? -1) } ?? .null
        continue
      }
      let value = row[column.name] ?? .null
      switch (was.type, column.type, value) {
      case (_, _, .null): result[column.name] = .null
      case ("integer", "text", .int(let number)): result[column.name] = .string(String(number))
      case ("boolean", "text", .bool(let flag)):
        result[column.name] = .string(flag ? "true" : "false")
      case ("date", "timestamptz", .string(let day)):
        result[column.name] = .string(day + "T00:00:00Z")
      case ("numeric", "integer", .double(let number)):
        result[column.name] = number.rounded() == number ? .int(Int(number)) : .null
      default: result[column.name] = value
      }
    }
    return result
  }

  /// The point a checkpoint belongs to, as the reports name it.
  static func point(_ checkpoint: MigrationRun.Checkpoint) -> String {
    switch checkpoint {
    case .backedUp: "after backup"
    case .dropped: "after drop"
    case .created: "after create"
    case .restored: "mid-restore"
    case .verified: "after restore"
    }
  }

  /// Every point a stop is drawn from, in the order a migration passes them.
  static let points = [
    "after backup", "after drop", "after create", "mid-restore", "after restore",
  ]

  /// How the scenario reads in a failure report.
  var summary: String {
    let stopped = stop.map { "stopped after \($0)" } ?? "not stopped"
    return "\(rows.count) rows, \(before.contains(where: \.primaryKey) ? "keyed" : "no key"), "
      + changes.joined(separator: "; ") + "; \(stopped); fault rate "
      + String(format: "%.2f", faults.rate)
  }
}
