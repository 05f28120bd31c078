import GRDB
import LocalServerKit

/// Reads and writes the table catalog of one organization database.
enum TableCatalog {
  /// All tables on the platform, by name: two queries, whatever the number of tables.
  static func list(_ db: Database) throws -> [TableDefinition] {
    var columnsByTable: [String: [TableColumn]] = [:]
    let columnRows = try Row.fetchCursor(
      db, sql: "SELECT * FROM _heho_columns ORDER BY table_name, position")
    while let row = try columnRows.next() {
      let table: String = row["table_name"]
      columnsByTable[table.lowercased(), default: []].append(column(row))
    }
    return try Row.fetchAll(db, sql: "SELECT * FROM _heho_tables ORDER BY name").map { table in
      let name: String = table["name"]
      return definition(table, columns: columnsByTable[name.lowercased()] ?? [])
    }
  }

  /// The platform table with this name (case-insensitive), or `nil`.
  static func find(_ db: Database, name: String) throws -> TableDefinition? {
    guard
      let table = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT * FROM _heho_tables WHERE name = ?"), arguments: [name])
    else { return nil }
    let storedName: String = table["name"]
    let columns = try Row.fetchAll(
      db, sql: "SELECT * FROM _heho_columns WHERE table_name = ? ORDER BY position",
      arguments: [storedName]
    ).map(column)
    return definition(table, columns: columns)
  }

  private static func column(_ row: Row) -> TableColumn {
    let declared: String = row["declared_type"]
    let defaultText: String? = row["default_value"]
    return TableColumn(
      name: row["name"], declaredType: declared,
      type: ColumnType.fromSQLite(declared: declared), isPrimaryKey: row["primary_key"],
      isNotNull: row["not_null"], defaultValue: defaultText.flatMap(JSONValue.parse))
  }

  private static func definition(_ table: Row, columns: [TableColumn]) -> TableDefinition {
    TableDefinition(
      name: table["name"], columns: columns, createdByPlatform: table["created_by_platform"],
      hasRowID: table["has_rowid"])
  }

  /// Records a table and its columns: two statements, each compiled once per connection.
  static func insert(_ db: Database, _ table: TableDefinition) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO _heho_tables (name, created_by_platform, has_rowid, created_at)
        VALUES (?, ?, ?, ?)
        """
    ).execute(arguments: [table.name, table.createdByPlatform, table.hasRowID, SQLiteFile.now()])
    guard !table.columns.isEmpty else { return }
    let rows = Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: table.columns.count)
    var arguments = StatementArguments()
    for (position, column) in table.columns.enumerated() {
      arguments += [
        table.name, position, column.name, column.declaredType, column.isPrimaryKey,
        column.isNotNull, column.defaultValue?.serialized(),
      ]
    }
    try db.cachedStatement(
      sql: """
        INSERT INTO _heho_columns (table_name, position, name, declared_type, primary_key,
          not_null, default_value) VALUES \(rows.joined(separator: ", "))
        """
    ).execute(arguments: arguments)
  }

  /// Forgets a table (its columns go with it).
  static func remove(_ db: Database, name: String) throws {
    try db.execute(sql: "DELETE FROM _heho_tables WHERE name = ?", arguments: [name])
  }

  /// The name of a user table in the database (case-insensitive match), or `nil`.
  ///
  /// Asks SQLite's in-memory schema (`pragma_table_list`) rather than scanning `sqlite_master`,
  /// whose rows are read from disk pages: a create would otherwise cost time in proportion to
  /// the number of tables twice over.
  static func databaseTable(_ db: Database, name: String) throws -> String? {
    try String.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT name FROM pragma_table_list(?) WHERE schema = 'main' AND type != 'view'
            AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_heho\\_%' ESCAPE '\\'
          """), arguments: [name])
  }
}
