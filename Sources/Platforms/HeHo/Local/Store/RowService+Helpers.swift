import GRDB
import LocalServerKit

extension RowService {
  static func table(_ db: Database, _ name: String) throws -> TableDefinition {
    try SQLIdentifier.validate(name, what: "tableName", field: "tableName")
    guard let table = try TableCatalog.find(db, name: name) else {
      throw LocalAPIError.notFound(
        "no table '\(name)' on the platform; create it with POST /api/v1/database/tables "
          + "or connect it with POST /api/v1/database/tables/connect", field: "tableName")
    }
    return table
  }

  static func column(_ table: TableDefinition, _ name: String, field: String) throws
    -> TableColumn
  {
    guard let column = table.column(named: name) else {
      throw LocalAPIError.badRequest(
        "unknown column '\(SQLIdentifier.printable(name))' in \(field) for table "
          + "'\(table.name)'; its columns are: "
          + table.columns.map(\.name).joined(separator: ", "),
        field: "\(field).\(SQLIdentifier.printable(name))")
    }
    return column
  }

  static func primaryKey(_ table: TableDefinition) throws -> TableColumn {
    guard let key = table.primaryKey else {
      throw LocalAPIError.badRequest(
        "table '\(table.name)' has no single primary-key column; edit and delete find rows "
          + "by primary key", field: "tableName")
    }
    return key
  }

  static func noRow(_ table: TableDefinition, _ id: JSONValue) -> LocalAPIError {
    .notFound("no row in table '\(table.name)' with id \(id.summary)", field: "id")
  }

  static func selectList(_ table: TableDefinition) -> String {
    table.columns.map { SQLIdentifier.quoted($0.name) }.joined(separator: ", ")
  }

  static func object(_ row: Row, _ table: TableDefinition) -> OrderedJSONObject {
    OrderedJSONObject(
      members: table.columns.enumerated().map { index, column in
        (column.name, ColumnValueCoder.decode(row[index] as DatabaseValue, for: column))
      })
  }

  static func fetch(
    _ db: Database, _ table: TableDefinition, where condition: String,
    _ arguments: [DatabaseValue]
  ) throws -> OrderedJSONObject? {
    try Row.fetchOne(
      db,
      sql:
        "SELECT \(selectList(table)) FROM \(SQLIdentifier.quoted(table.name)) WHERE \(condition)",
      arguments: StatementArguments(arguments)
    ).map { object($0, table) }
  }

  static func nextValue(_ db: Database, _ table: TableDefinition, _ column: TableColumn) throws
    -> DatabaseValue
  {
    let sql =
      "SELECT COALESCE(MAX(\(SQLIdentifier.quoted(column.name))), 0) + 1 FROM "
      + SQLIdentifier.quoted(table.name)
    return (try Int64.fetchOne(db, sql: sql) ?? 1).databaseValue
  }

  /// Runs a write, turning constraint failures into 409 (duplicate key) or 400 (NOT NULL, CHECK).
  static func run(_ db: Database, _ table: TableDefinition, _ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
      if SQLiteFile.isUniqueViolation(error) {
        throw LocalAPIError.conflict(
          "a row with the same primary key or unique value already exists in table "
            + "'\(table.name)'", field: "data")
      }
      let detail =
        error.message.map { message in
          table.columns.first { message.hasSuffix(".\($0.name)") }.map { " (column '\($0.name)')" }
            ?? ""
        } ?? ""
      throw LocalAPIError.badRequest(
        "the row breaks a constraint of table '\(table.name)'\(detail)", field: "data")
    }
  }
}
