import HehoManifest

/// Checks every `TableData`'s rows against its table's declared columns: unknown columns,
/// values that do not fit a column's type, nulls and missing values in NOT NULL columns, and
/// rows without a key or with the key of an earlier row. Each problem is positioned at the row
/// or value (in the data file, for rows read from one); past 20 problems a TableData's are
/// summarized.
public struct TableDataRule: ResourceSetRule {
  /// The most problems listed for one TableData.
  public static let maxProblems = 20

  /// Creates the rule.
  public init() {}

  public func check(_ drafts: [ResourceDraft]) -> [Diagnostic] {
    guard drafts.contains(where: { $0.kind == "TableData" }) else { return [] }
    // Indexes into `drafts`, not copies of them: a draft is a large value.
    var tables: [String: Int] = [:]
    for (index, draft) in drafts.enumerated() where draft.kind == "Table" {
      tables[draft.name] = index
    }
    var diagnostics: [Diagnostic] = []
    var keyed: [String: ResourceDraft] = [:]
    for data in drafts where data.kind == "TableData" {
      guard let tableName = data.spec["table"]?.stringValue, let table = tables[tableName] else {
        continue  // An unknown table is the reference check's error.
      }
      diagnostics += check(data, table: drafts[table], keyed: &keyed)
    }
    return diagnostics
  }

  private func check(
    _ data: ResourceDraft, table: ResourceDraft, keyed: inout [String: ResourceDraft]
  ) -> [Diagnostic] {
    let columns = TableColumns(spec: table.spec)
    let declared = !columns.columns.isEmpty
    let keyName = data.spec["key"]?.stringValue ?? columns.primaryKey?.name
    guard let keyName else {
      return [
        Diagnostic(
          .error,
          "\(data.label): table '\(table.name)' declares no primary key, so set 'key' to its "
            + "primary-key column on the platform (HeHo's row API edits and deletes rows by "
            + "primary key)", at: data.specLocation)
      ]
    }
    if declared && columns.column(keyName) == nil {
      return [
        Diagnostic(
          .error,
          "\(data.label): key '\(keyName)' is not a column of table '\(table.name)'"
            + Suggestions.didYouMean(keyName, among: columns.columns.map(\.name))
            + " (columns: \(columns.columns.map(\.name).joined(separator: ", ")))",
          at: data.valueLocation("key"))
      ]
    }
    // Two sets of rows on one table would undo each other (one prunes what the other adds).
    if let other = keyed[table.name] {
      return [
        Diagnostic(
          .error,
          "\(data.label) and \(other.label) (\(other.location)) both keep the rows of table "
            + "'\(table.name)'; merge them into one TableData", at: data.location)
      ]
    }
    keyed[table.name] = data
    var problems: [Diagnostic] = []
    var seen: [String: Int] = [:]
    let keyType = columns.column(keyName)?.type
    for (index, row) in (data.spec["rows"]?.arrayValue ?? []).enumerated() {
      if problems.count > Self.maxProblems { break }
      let fields = row.objectValue ?? [:]
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
      for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
        guard declared else { break }
        guard let column = columns.column(name) else {
          problems.append(
            Diagnostic(
              .error,
              "row has column '\(name)', which table '\(table.name)' does not declare"
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
      let missing = columns.columns.filter { column in
        column.required && column.name.lowercased() != keyName.lowercased()
          && fields.keys.first { $0.lowercased() == column.name.lowercased() } == nil
      }
      if !missing.isEmpty {
        problems.append(
          Diagnostic(
            .error,
            "row misses NOT NULL column\(missing.count > 1 ? "s" : "") "
              + missing.map { "'\($0.name)'" }.joined(separator: ", ")
              + ", which \(missing.count > 1 ? "have" : "has") no default",
            at: data.recordLocation(index)))
      }
      guard
        let keyValue = fields.first(where: { $0.key.lowercased() == keyName.lowercased() })?
          .value, keyValue != .null
      else {
        problems.append(
          Diagnostic(
            .error, "row has no value for its key column '\(keyName)'",
            at: data.recordLocation(index)))
        continue
      }
      let key = RowValues.keyText(
        (try? RowValues.normalize(keyValue, type: keyType).get()) ?? keyValue)
      if let first = seen[key] {
        let firstAt = data.recordLocation(first)
        problems.append(
          Diagnostic(
            .error,
            "duplicate key \(keyName) = \(key): the same key as the row at line \(firstAt.line); "
              + "keys identify rows and must be unique",
            at: data.recordLocation(index, field: keyName)))
      } else {
        seen[key] = index
      }
    }
    if problems.count > Self.maxProblems {
      let shown = Array(problems.prefix(Self.maxProblems))
      return shown + [
        Diagnostic(
          .error,
          "\(data.label): more problems in its rows after these \(Self.maxProblems); fix them "
            + "and validate again", at: data.location)
      ]
    }
    return problems
  }
}
