import GRDB
import LocalServerKit

/// Creates, lists, connects and deletes an organization's tables.
struct TableService: Sendable {
  /// The organization databases.
  let databases: OrganizationDatabases

  /// Tables on the organization's platform, by name.
  func list(organization: Organization) async throws -> [TableDefinition] {
    try await databases.pool(for: organization).read { db in try TableCatalog.list(db) }
  }

  /// The platform table with this name, or `nil`.
  func find(_ name: String, organization: Organization) async throws -> TableDefinition? {
    try await databases.pool(for: organization).read { db in
      try TableCatalog.find(db, name: name)
    }
  }

  /// Creates a real table and its catalog entry in one transaction.
  func create(_ request: CreateTableRequest, organization: Organization) async throws
    -> TableDefinition
  {
    let table = try TableDefinitionValidator.validate(request)
    let columnsSQL = table.columns.map { column in
      var text = SQLIdentifier.quoted(column.name) + " " + column.type.sqliteType
      if column.isNotNull || column.isPrimaryKey || column.type.isSerial { text += " NOT NULL" }
      if column.isPrimaryKey { text += " PRIMARY KEY" }
      return text
    }
    let sql =
      "CREATE TABLE \(SQLIdentifier.quoted(table.name)) (\(columnsSQL.joined(separator: ", ")))"
    return try await databases.pool(for: organization).write { db in
      if let existing = try TableCatalog.find(db, name: table.name) {
        throw LocalAPIError.conflict(
          "table '\(existing.name)' already exists on the platform", field: "tableName")
      }
      if let existing = try TableCatalog.databaseTable(db, name: table.name) {
        throw LocalAPIError.conflict(
          "table '\(existing)' already exists in the organization's database; "
            + "connect it with POST /api/v1/database/tables/connect", field: "tableName")
      }
      try db.execute(sql: sql)
      try TableCatalog.insert(db, table)
      return table
    }
  }

  /// Registers a table that exists in the organization's database but not on the platform.
  func connect(_ name: String, organization: Organization) async throws -> TableDefinition {
    try SQLIdentifier.validate(name, what: "tableName", field: "tableName")
    return try await databases.pool(for: organization).write { db in
      if let existing = try TableCatalog.find(db, name: name) {
        throw LocalAPIError.conflict(
          "table '\(existing.name)' is already on the platform", field: "tableName")
      }
      guard let actual = try TableCatalog.databaseTable(db, name: name) else {
        throw LocalAPIError.notFound(
          "no table '\(name)' in the organization's database; create it first "
            + "(for example with 'heho local sql') or use POST /api/v1/database/tables",
          field: "tableName")
      }
      let columns = try Row.fetchAll(
        db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid",
        arguments: [actual]
      ).map { row in
        let declared: String = row["type"] ?? ""
        let pk: Int = row["pk"]
        return TableColumn(
          name: row["name"], declaredType: declared,
          type: ColumnType.fromSQLite(declared: declared), isPrimaryKey: pk > 0,
          isNotNull: row["notnull"], defaultValue: nil)
      }
      let createSQL =
        try String.fetchOne(
          db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
          arguments: [actual]) ?? ""
      let table = TableDefinition(
        name: actual, columns: columns, createdByPlatform: false,
        hasRowID: !createSQL.uppercased().contains("WITHOUT ROWID"))
      try TableCatalog.insert(db, table)
      return table
    }
  }

  /// Removes a table from the platform; drops it when the platform created it.
  ///
  /// A connected table existed before the platform knew it, so it is only disconnected: its
  /// rows stay in the organization's database and it can be connected again.
  func delete(_ name: String, organization: Organization) async throws -> String {
    try SQLIdentifier.validate(name, what: "tableName", field: "tableName")
    return try await databases.pool(for: organization).write { db in
      guard let table = try TableCatalog.find(db, name: name) else {
        throw LocalAPIError.notFound(
          "no table '\(name)' on the platform", field: "tableName")
      }
      if table.createdByPlatform {
        try db.execute(sql: "DROP TABLE IF EXISTS \(SQLIdentifier.quoted(table.name))")
      }
      try TableCatalog.remove(db, name: table.name)
      return table.name
    }
  }

  /// Runs SQL in the organization's database (for tables the platform should connect).
  func execute(sql: String, organization: Organization) async throws {
    try await databases.pool(for: organization).write { db in try db.execute(sql: sql) }
  }

  /// The number of rows really stored in a table of the organization's database.
  func rowCount(table: String, organization: Organization) async throws -> Int {
    try SQLIdentifier.validate(table, what: "table", field: "table")
    return try await databases.pool(for: organization).read { db in
      guard let actual = try TableCatalog.databaseTable(db, name: table) else {
        throw LocalAPIError.notFound("no table '\(table)' in the organization's database")
      }
      return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(SQLIdentifier.quoted(actual))") ?? 0
    }
  }
}
