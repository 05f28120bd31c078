import HehoManifest

/// The checks of one TableData's rows against its table's declared columns (`TableDataRule`),
/// each a pass over one row.
struct TableRowCheck {
  /// The TableData whose rows are checked.
  let data: ResourceDraft
  /// The table's name.
  let tableName: String
  /// The table's declared columns (none when it declares none: then only keys are checked).
  let columns: TableColumns
  /// The key column's name.
  let keyName: String
  /// The key column's type, when declared: keys compare as normalized to it.
  let keyType: String?

  /// The checks of `data`'s rows, keyed by the column `keyName`.
  init(data: ResourceDraft, tableName: String, columns: TableColumns, keyName: String) {
    self.data = data
    self.tableName = tableName
    self.columns = columns
    self.keyName = keyName
    keyType = columns.column(keyName)?.type
  }

  /// The problems of the rows, in row order, stopping after the row that passes
  /// `TableDataRule.maxProblems`.
  func problems() -> [Diagnostic] {
    var problems: [Diagnostic] = []
    var seen: [String: Int] = [:]
    for (index, row) in (data.spec["rows"]?.arrayValue ?? []).enumerated() {
      if problems.count > TableDataRule.maxProblems { break }
      let fields = row.objectValue ?? [:]
      problems += repeatedColumns(fields, row: index)
      problems += valueProblems(fields, row: index)
      problems += missingColumns(fields, row: index)
      problems += keyProblems(fields, row: index, seen: &seen)
    }
    return problems
  }

  /// A column given twice: column names ignore case.
  func repeatedColumns(_ fields: [String: Value], row index: Int) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    var named: [String: String] = [:]
    for name in fields.keys.sorted() {
      if let other = named.updateValue(name, forKey: name.lowercased()) {
        problems.append(
          Diagnostic(
            .error,
            "row gives column '\(name)' twice (also as '\(other)'); column names ignore case",
            at: data.recordLocation(index, field: name)))
      }
    }
    return problems
  }

  /// Columns the table does not declare, nulls in NOT NULL columns, and values that do not
  /// fit their column's type (when the table declares columns).
  func valueProblems(_ fields: [String: Value], row index: Int) -> [Diagnostic] {
    guard !columns.columns.isEmpty else { return [] }
    var problems: [Diagnostic] = []
    for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
      guard let column = columns.column(name) else {
        problems.append(
          Diagnostic(
            .error,
            "row has column '\(name)', which table '\(tableName)' does not declare"
              + Suggestions.didYouMean(name, among: columns.columns.map(\.name)),
            at: data.recordLocation(index, field: name)))
        continue
      }
      if value == .null && column.notNull {
        problems.append(
          Diagnostic(
            .error, "column '\(column.name)' is NOT NULL but the row gives null",
            at: data.recordLocation(index, field: name)))
      } else if case .failure(let problem) = RowValues.normalize(value, type: column.type) {
        problems.append(
          Diagnostic(
            .error,
            "column '\(column.name)' (\(column.type)) expects \(problem.expected), got "
              + ValueDisplay.short(problem.value), at: data.recordLocation(index, field: name)))
      }
    }
    return problems
  }

  /// NOT NULL columns without a default that the row does not give (the key aside: its own
  /// pass says so).
  func missingColumns(_ fields: [String: Value], row index: Int) -> [Diagnostic] {
    let missing = columns.columns.filter { column in
      column.required && column.name.lowercased() != keyName.lowercased()
        && fields.keys.first { $0.lowercased() == column.name.lowercased() } == nil
    }
    if missing.isEmpty { return [] }
    return [
      Diagnostic(
        .error,
        "row misses NOT NULL column\(missing.count > 1 ? "s" : "") "
          + missing.map { "'\($0.name)'" }.joined(separator: ", ")
          + ", which \(missing.count > 1 ? "have" : "has") no default",
        at: data.recordLocation(index))
    ]
  }

  /// A row without a key value, or with the key of an earlier row (`seen`: each key's first
  /// row).
  func keyProblems(_ fields: [String: Value], row index: Int, seen: inout [String: Int])
    -> [Diagnostic]
  {
    guard
      let keyValue = fields.first(where: { $0.key.lowercased() == keyName.lowercased() })?
        .value, keyValue != .null
    else {
      return [
        Diagnostic(
          .error, "row has no value for its key column '\(keyName)'",
          at: data.recordLocation(index))
      ]
    }
    let key = RowValues.keyText(
      (try? RowValues.normalize(keyValue, type: keyType).get()) ?? keyValue)
    guard let first = seen[key] else {
      seen[key] = index
      return []
    }
    let firstAt = data.recordLocation(first)
    return [
      Diagnostic(
        .error,
        "duplicate key \(keyName) = \(key): the same key as the row at line \(firstAt.line); "
          + "keys identify rows and must be unique",
        at: data.recordLocation(index, field: keyName))
    ]
  }
}
