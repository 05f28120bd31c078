import Foundation
import GRDB
import LocalServerKit

/// Reads and writes rows of platform tables, converting values per column type.
///
/// Identifiers come from the catalog and are quoted; values are always bound parameters.
struct RowService: Sendable {
  /// The organization databases.
  let databases: OrganizationDatabases

  /// Rows matching every equality filter in `query`, in insertion order.
  func read(table name: String, query: [String: JSONValue], organization: Organization)
    async throws -> [OrderedJSONObject]
  {
    try await databases.pool(for: organization).read { db in
      let table = try Self.table(db, name)
      var conditions: [String] = []
      var arguments: [DatabaseValue] = []
      for key in query.keys.sorted() {
        let column = try Self.column(table, key, field: "query")
        let value = query[key] ?? .null
        if value == .null {
          conditions.append("\(SQLIdentifier.quoted(column.name)) IS NULL")
        } else {
          conditions.append("\(SQLIdentifier.quoted(column.name)) = ?")
          arguments.append(
            try ColumnValueCoder.encode(value, for: column, field: "query.\(key)"))
        }
      }
      var sql = "SELECT \(Self.selectList(table)) FROM \(SQLIdentifier.quoted(table.name))"
      if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
      if table.hasRowID { sql += " ORDER BY _rowid_" }
      return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
        .map { Self.object($0, table) }
    }
  }

  /// Inserts a row; fills generated keys, serials and defaults; returns the stored row.
  func add(table name: String, data: [String: JSONValue], organization: Organization)
    async throws -> OrderedJSONObject
  {
    try await databases.pool(for: organization).write { db in
      let table = try Self.table(db, name)
      for key in data.keys { _ = try Self.column(table, key, field: "data") }
      var names: [String] = []
      var values: [DatabaseValue] = []
      for column in table.columns {
        let given = data.first { $0.key.lowercased() == column.name.lowercased() }?.value
        var value: DatabaseValue?
        if let given {
          value = try ColumnValueCoder.encode(given, for: column, field: "data.\(column.name)")
        } else if let defaultValue = column.defaultValue {
          value = try ColumnValueCoder.encode(
            DefaultValue.resolve(defaultValue), for: column, field: "data.\(column.name)")
        } else if column.type.isSerial || (column.isPrimaryKey && column.type.isInteger) {
          value = try Self.nextValue(db, table, column)
        } else if column.isPrimaryKey && column.type.kind == .uuid {
          value = UUID().uuidString.lowercased().databaseValue
        }
        if table.createdByPlatform, column.isRequired, value == nil || value == .null {
          throw LocalAPIError.badRequest(
            "column '\(column.name)' of table '\(table.name)' is required (NOT NULL); "
              + "give it a value in data", field: "data.\(column.name)")
        }
        if let value {
          names.append(SQLIdentifier.quoted(column.name))
          values.append(value)
        }
      }
      let target = SQLIdentifier.quoted(table.name)
      let sql =
        names.isEmpty
        ? "INSERT INTO \(target) DEFAULT VALUES"
        : "INSERT INTO \(target) (\(names.joined(separator: ", "))) VALUES ("
          + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
      try Self.run(db, table) { try db.execute(sql: sql, arguments: StatementArguments(values)) }
      let rowID = db.lastInsertedRowID
      if table.hasRowID {
        return try Self.fetch(db, table, where: "_rowid_ = ?", [rowID.databaseValue])
          ?? OrderedJSONObject(members: [])
      }
      let key = table.primaryKey
      let keyValue = key.flatMap { key in
        zip(names, values).first { $0.0 == SQLIdentifier.quoted(key.name) }?.1
      }
      guard let key, let keyValue else { return OrderedJSONObject(members: []) }
      return try Self.fetch(db, table, where: "\(SQLIdentifier.quoted(key.name)) = ?", [keyValue])
        ?? OrderedJSONObject(members: [])
    }
  }

  /// Updates the row whose primary key is `id`; returns the stored row.
  func edit(
    table name: String, id: JSONValue, data: [String: JSONValue], organization: Organization
  ) async throws -> OrderedJSONObject {
    try await databases.pool(for: organization).write { db in
      let table = try Self.table(db, name)
      let key = try Self.primaryKey(table)
      let keyValue = try ColumnValueCoder.encode(id, for: key, field: "id")
      var assignments: [String] = []
      var values: [DatabaseValue] = []
      var newKeyValue = keyValue
      for dataKey in data.keys.sorted() {
        let column = try Self.column(table, dataKey, field: "data")
        let value = try ColumnValueCoder.encode(
          data[dataKey] ?? .null, for: column, field: "data.\(column.name)")
        if column.isRequired, value == .null {
          throw LocalAPIError.badRequest(
            "column '\(column.name)' of table '\(table.name)' is required (NOT NULL) and "
              + "cannot be set to null", field: "data.\(column.name)")
        }
        if column.name == key.name { newKeyValue = value }
        assignments.append("\(SQLIdentifier.quoted(column.name)) = ?")
        values.append(value)
      }
      let quotedKey = SQLIdentifier.quoted(key.name)
      try Self.run(db, table) {
        try db.execute(
          sql: "UPDATE \(SQLIdentifier.quoted(table.name)) SET "
            + assignments.joined(separator: ", ") + " WHERE \(quotedKey) = ?",
          arguments: StatementArguments(values + [keyValue]))
      }
      guard db.changesCount > 0 else { throw Self.noRow(table, id) }
      return try Self.fetch(db, table, where: "\(quotedKey) = ?", [newKeyValue])
        ?? OrderedJSONObject(members: [])
    }
  }

  /// Deletes the row whose primary key is `id`.
  func delete(table name: String, id: JSONValue, organization: Organization) async throws {
    try await databases.pool(for: organization).write { db in
      let table = try Self.table(db, name)
      let key = try Self.primaryKey(table)
      let keyValue = try ColumnValueCoder.encode(id, for: key, field: "id")
      try db.execute(
        sql: "DELETE FROM \(SQLIdentifier.quoted(table.name)) "
          + "WHERE \(SQLIdentifier.quoted(key.name)) = ?", arguments: [keyValue])
      guard db.changesCount > 0 else { throw Self.noRow(table, id) }
    }
  }
}
