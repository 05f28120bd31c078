import LocalServerKit

/// Checks a create-table request and turns it into a table definition.
enum TableDefinitionValidator {
  /// The table to create; throws a 400 naming the first field at fault.
  static func validate(_ request: CreateTableRequest) throws -> TableDefinition {
    guard let name = request.tableName else {
      throw LocalAPIError.badRequest("tableName is required", field: "tableName")
    }
    try SQLIdentifier.validate(name, what: "tableName", field: "tableName")
    guard let requested = request.columns, !requested.isEmpty else {
      throw LocalAPIError.badRequest(
        "columns is required: an array of {name, type, primaryKey?, notNull?, defaultValue?}",
        field: "columns")
    }
    var columns: [TableColumn] = []
    var seen: Set<String> = []
    for (index, spec) in requested.enumerated() {
      let field = "columns[\(index)]"
      guard let columnName = spec.name else {
        throw LocalAPIError.badRequest("\(field).name is required", field: field + ".name")
      }
      try SQLIdentifier.validate(columnName, what: "column name", field: field + ".name")
      guard seen.insert(columnName.lowercased()).inserted else {
        throw LocalAPIError.badRequest(
          "column '\(columnName)' is defined twice", field: field + ".name")
      }
      guard let declared = spec.type else {
        throw LocalAPIError.badRequest(
          "\(field).type is required for column '\(columnName)'", field: field + ".type")
      }
      guard let type = ColumnType.parse(declared) else {
        throw LocalAPIError.badRequest(
          "column '\(columnName)' has unknown type '\(SQLIdentifier.printable(declared))'; "
            + "accepted types: \(ColumnType.acceptedNames)", field: field + ".type")
      }
      var column = TableColumn(
        name: columnName, declaredType: declared.lowercased(), type: type,
        isPrimaryKey: spec.primaryKey ?? false, isNotNull: spec.notNull ?? false,
        defaultValue: nil)
      if let defaultValue = spec.defaultValue, defaultValue != .null {
        if !DefaultValue.isFunction(defaultValue) {
          _ = try ColumnValueCoder.encode(defaultValue, for: column, field: field + ".defaultValue")
        }
        column.defaultValue = defaultValue
      }
      columns.append(column)
    }
    if columns.filter(\.isPrimaryKey).count > 1 {
      throw LocalAPIError.badRequest(
        "at most one column may be the primary key (got "
          + columns.filter(\.isPrimaryKey).map(\.name).joined(separator: ", ") + ")",
        field: "columns")
    }
    return TableDefinition(name: name, columns: columns, createdByPlatform: true, hasRowID: true)
  }
}
