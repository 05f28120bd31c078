import GRDB

/// Reads and writes the table catalog of one organization database.
enum TableCatalog {
  /// All tables on the platform, by name.
  static func list(_ db: Database) throws -> [TableDefinition] {
    let names = try String.fetchAll(db, sql: "SELECT name FROM _heho_tables ORDER BY name")
    return try names.compactMap { try find(db, name: $0) }
  }

  /// The platform table with this name (case-insensitive), or `nil`.
  static func find(_ db: Database, name: String) throws -> TableDefinition? {
    guard
      let table = try Row.fetchOne(
        db, sql: "SELECT * FROM _heho_tables WHERE name = ?", arguments: [name])
    else { return nil }
    let storedName: String = table["name"]
    let columns = try Row.fetchAll(
      db, sql: "SELECT * FROM _heho_columns WHERE table_name = ? ORDER BY position",
      arguments: [storedName]
    ).map { row in
      let declared: String = row["declared_type"]
      let defaultText: String? = row["default_value"]
      return TableColumn(
        name: row["name"], declaredType: declared,
        type: ColumnType.fromSQLite(declared: declared), isPrimaryKey: row["primary_key"],
        isNotNull: row["not_null"], defaultValue: defaultText.flatMap(JSONValue.parse))
    }
    return TableDefinition(
      name: storedName, columns: columns, createdByPlatform: table["created_by_platform"],
      hasRowID: table["has_rowid"])
  }

  /// Records a table and its columns.
  static func insert(_ db: Database, _ table: TableDefinition) throws {
    try db.execute(
      sql: """
        INSERT INTO _heho_tables (name, created_by_platform, has_rowid, created_at)
        VALUES (?, ?, ?, ?)
        """,
      arguments: [table.name, table.createdByPlatform, table.hasRowID, SQLiteFile.now()])
    for (position, column) in table.columns.enumerated() {
      try db.execute(
        sql: """
          INSERT INTO _heho_columns (table_name, position, name, declared_type, primary_key,
            not_null, default_value) VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          table.name, position, column.name, column.declaredType, column.isPrimaryKey,
          column.isNotNull, column.defaultValue?.serialized(),
        ])
    }
  }

  /// Forgets a table (its columns go with it).
  static func remove(_ db: Database, name: String) throws {
    try db.execute(sql: "DELETE FROM _heho_tables WHERE name = ?", arguments: [name])
  }

  /// The name of a user table in the database (case-insensitive match), or `nil`.
  static func databaseTable(_ db: Database, name: String) throws -> String? {
    try String.fetchOne(
      db,
      sql: """
        SELECT name FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE
          AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_heho\\_%' ESCAPE '\\'
        """, arguments: [name])
  }
}
