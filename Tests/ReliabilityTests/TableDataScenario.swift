import Foundation
import HehoManifest
import LocalServerKit

/// A seeded TableData scenario: tables with rows declared in CSV files, some of them already on
/// the platform (some rows as declared, some different, some not declared), and faults.
struct TableDataScenario: Sendable {
  /// One generated table: its columns, its key and its rows.
  struct Table: Sendable {
    var name: String
    /// `name type [pk] [notnull]` in declared order.
    var columns: [(name: String, type: String, primaryKey: Bool, notNull: Bool)]
    var key: String
    /// Declared rows, each column's value as CSV text ("" for null).
    var rows: [[String: String]]
    /// Rows on the platform before heho runs, as JSON values for the row API.
    var live: [[String: Value]]
    var existsBefore: Bool
  }

  var seed: UInt64
  var tables: [Table]
  var prune: Bool
  var faults: FaultConfiguration

  static func make(seed: UInt64) -> TableDataScenario {
    var random = SplitMix64(seed: seed &* 7_919 &+ 13)
    var tables = [products(&random)]
    if random.chance(0.6) { tables.append(stores(&random)) }
    let faults = FaultConfiguration(
      latencyMilliseconds: 0, rate: 0.1 + random.unit() * 0.25, seed: seed, retryAfterSeconds: 0)
    return TableDataScenario(seed: seed, tables: tables, prune: random.chance(0.4), faults: faults)
  }

  /// Keyed by its text primary key.
  static func products(_ random: inout SplitMix64) -> Table {
    let count = random.int(3...20)
    let offsets = ["Z", "+02:00", "-05:30", "+0100", ""]
    var rows: [[String: String]] = []
    for index in 0..<count {
      let hour = random.int(0...23)
      let offset = random.pick(offsets, or: "Z")
      rows.append([
        "sku": "S\(index)",
        "name": random.chance(0.2) ? "Name, \"\(index)\"\nline" : "Name \(index)",
        "price": random.chance(0.15) ? "" : random.pick(["1", "1.0", "2.50", "19.99"], or: "1"),
        "at": random.chance(0.2)
          ? "" : String(format: "2026-12-31T%02d:30:00%@", hour, offset),
      ])
    }
    let exists = random.chance(0.6)
    var live: [[String: Value]] = []
    if exists {
      for row in rows where random.chance(0.5) {
        let name = random.chance(0.3) ? "changed by hand" : row["name"] ?? ""
        live.append(["sku": .string(row["sku"] ?? ""), "name": .string(name)])
      }
      for extra in 0..<random.int(0...3) {
        live.append(["sku": .string("X\(extra)"), "name": .string("extra")])
      }
    }
    return Table(
      name: "products",
      columns: [
        ("sku", "text", true, false), ("name", "text", false, true),
        ("price", "numeric", false, false),
        ("at", "timestamptz", false, false),
      ], key: "sku", rows: rows, live: live, existsBefore: exists)
  }

  /// Keyed by city; the uuid primary key is the platform's (a re-sent add would duplicate).
  static func stores(_ random: inout SplitMix64) -> Table {
    let count = random.int(2...12)
    var rows: [[String: String]] = []
    for index in 0..<count {
      rows.append([
        "city": "City \(index)", "size": random.chance(0.2) ? "" : "\(random.int(1...500))",
        "open": random.pick(["yes", "no", "true", "0"], or: "yes"),
      ])
    }
    let exists = random.chance(0.6)
    var live: [[String: Value]] = []
    if exists {
      for row in rows where random.chance(0.4) {
        live.append(["city": .string(row["city"] ?? ""), "size": .int(999), "open": .bool(true)])
      }
      for extra in 0..<random.int(0...2) {
        live.append(["city": .string("Elsewhere \(extra)"), "size": .int(1)])
      }
    }
    return Table(
      name: "stores",
      columns: [
        ("id", "uuid", true, false), ("city", "text", false, true),
        ("size", "integer", false, false),
        ("open", "boolean", false, false),
      ], key: "city", rows: rows, live: live, existsBefore: exists)
  }

  /// The manifest and data files.
  func files() -> [(path: String, text: String)] {
    var files: [(String, String)] = [
      (
        "heho.yaml",
        "apiVersion: heho/v1\nkind: Project\nmetadata:\n  name: rows-\(seed)\nspec:\n"
          + "  providers:\n    heho:\n      apiKeyEnv: HEHO_API_KEY\n"
      )
    ]
    var documents: [String] = []
    for table in tables {
      var lines = [
        "apiVersion: heho/v1", "kind: Table", "metadata:", "  name: \(table.name)", "spec:",
        "  columns:",
      ]
      for column in table.columns {
        lines.append(
          "    - { name: \(column.name), type: \(column.type)"
            + (column.primaryKey ? ", primaryKey: true" : "")
            + (column.notNull ? ", notNull: true" : "") + " }")
      }
      documents.append(lines.joined(separator: "\n") + "\n")
      documents.append(
        "apiVersion: heho/v1\nkind: TableData\nmetadata:\n  name: \(table.name)\nspec:\n"
          + "  table: \(table.name)\n  key: \(table.key)\n  file: data/\(table.name).csv\n"
          + "  prune: \(prune)\n")
      let header = table.columns.map(\.name).filter { name in
        table.rows.first?[name] != nil
      }
      var csv = header.joined(separator: ",") + "\n"
      for row in table.rows {
        csv +=
          header.map { name in
            let text = row[name] ?? ""
            return text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
              ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
          }.joined(separator: ",") + "\n"
      }
      files.append(("data/\(table.name).csv", csv))
    }
    files.append(("tables.yaml", documents.joined(separator: "---\n")))
    return files
  }
}
