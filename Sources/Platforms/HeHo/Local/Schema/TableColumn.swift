import LocalServerKit

/// One column of a platform table, as the catalog keeps it.
struct TableColumn: Sendable, Hashable {
  /// The column name.
  var name: String
  /// The type as declared (`varchar(40)`, `serial`, or the mapped type of a connected table).
  var declaredType: String
  /// The parsed type.
  var type: ColumnType
  /// Whether the column is (part of) the primary key.
  var isPrimaryKey: Bool
  /// Whether NULL is refused.
  var isNotNull: Bool
  /// The default for rows that omit the column, if any.
  var defaultValue: JSONValue?

  /// `required` in the table list: NOT NULL or primary key.
  var isRequired: Bool { isNotNull || isPrimaryKey || type.isSerial }
}

/// A table on the platform: its name and columns in declared order.
struct TableDefinition: Sendable, Hashable {
  /// The table name.
  var name: String
  /// The columns in declared order.
  var columns: [TableColumn]
  /// Whether the platform created the table (false: connected from the database).
  var createdByPlatform: Bool
  /// Whether the SQLite table has a rowid (false for WITHOUT ROWID tables).
  var hasRowID: Bool

  /// The single primary-key column; `nil` when there is none or it is composite.
  var primaryKey: TableColumn? {
    let keys = columns.filter(\.isPrimaryKey)
    return keys.count == 1 ? keys.first : nil
  }

  /// The column with this name, matched case-insensitively like SQL identifiers.
  func column(named name: String) -> TableColumn? {
    columns.first { $0.name == name } ?? columns.first { $0.name.lowercased() == name.lowercased() }
  }

  /// The table in the list shape.
  var description: TableDescription {
    TableDescription(
      tableName: name,
      columns: columns.map {
        ColumnDescription(columnName: $0.name, dataType: $0.type.dataType, required: $0.isRequired)
      })
  }
}
