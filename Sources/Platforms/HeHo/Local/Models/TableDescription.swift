import LocalServerKit

/// A table in the list shape of `GET /api/v1/database/manage`.
struct TableDescription: Sendable, Hashable, Codable {
  /// The table name.
  var tableName: String
  /// The columns, in declared order.
  var columns: [ColumnDescription]

  enum CodingKeys: String, CodingKey {
    case tableName = "table_name"
    case columns
  }
}

/// A column in the list shape.
struct ColumnDescription: Sendable, Hashable, Codable {
  /// The column name.
  var columnName: String
  /// The type as PostgreSQL's `information_schema.columns.data_type` spells it.
  var dataType: String
  /// True for NOT NULL and primary-key columns.
  var required: Bool

  enum CodingKeys: String, CodingKey {
    case columnName = "column_name"
    case dataType = "data_type"
    case required
  }
}
