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
    guard drafts.contains(where: { $0.kind == HeHoKind.tableData.rawValue }) else { return [] }
    // Indexes into `drafts`, not copies of them: a draft is a large value.
    var tables: [String: Int] = [:]
    for (index, draft) in drafts.enumerated() where draft.kind == HeHoKind.table.rawValue {
      tables[draft.name] = index
    }
    var diagnostics: [Diagnostic] = []
    var keyed: [String: ResourceDraft] = [:]
    for data in drafts where data.kind == HeHoKind.tableData.rawValue {
      guard let tableName = data.spec["table"]?.stringValue, let table = tables[tableName] else {
        continue  // An unknown table is the reference check's error.
      }
      diagnostics += check(data, table: drafts[table], keyed: &keyed)
    }
    return diagnostics
  }

  /// The problems of one TableData, `keyed` holding the TableData already checked for each
  /// table: its key first, then its table, then its rows, summarized.
  private func check(
    _ data: ResourceDraft, table: ResourceDraft, keyed: inout [String: ResourceDraft]
  ) -> [Diagnostic] {
    let columns = TableColumns(spec: table.spec)
    guard let keyName = data.spec["key"]?.stringValue ?? columns.primaryKey?.name else {
      return [Self.noKey(data, table: table)]
    }
    if let problem = Self.unknownKey(keyName, of: data, table: table, columns: columns)
      ?? Self.secondRowSet(data, table: table, keyed: keyed)
    {
      return [problem]
    }
    keyed[table.name] = data
    let rows = TableRowCheck(data: data, tableName: table.name, columns: columns, keyName: keyName)
    return Self.summarized(rows.problems(), of: data)
  }

  /// The table declares no primary key and the TableData names no key column.
  private static func noKey(_ data: ResourceDraft, table: ResourceDraft) -> Diagnostic {
    Diagnostic(
      .error,
      "\(data.label): table '\(table.name)' declares no primary key, so set 'key' to its "
        + "primary-key column on the platform (HeHo's row API edits and deletes rows by "
        + "primary key)", at: data.specLocation)
  }

  /// The key is not a declared column (when the table declares columns).
  private static func unknownKey(
    _ keyName: String, of data: ResourceDraft, table: ResourceDraft, columns: TableColumns
  ) -> Diagnostic? {
    guard !columns.columns.isEmpty && columns.column(keyName) == nil else { return nil }
    return Diagnostic(
      .error,
      "\(data.label): key '\(keyName)' is not a column of table '\(table.name)'"
        + Suggestions.didYouMean(keyName, among: columns.columns.map(\.name))
        + " (columns: \(columns.columns.map(\.name).joined(separator: ", ")))",
      at: data.valueLocation("key"))
  }

  /// Another TableData keeps the same table's rows: two sets of rows on one table would undo
  /// each other (one prunes what the other adds).
  private static func secondRowSet(
    _ data: ResourceDraft, table: ResourceDraft, keyed: [String: ResourceDraft]
  ) -> Diagnostic? {
    guard let other = keyed[table.name] else { return nil }
    return Diagnostic(
      .error,
      "\(data.label) and \(other.label) (\(other.location)) both keep the rows of table "
        + "'\(table.name)'; merge them into one TableData", at: data.location)
  }

  /// The first `maxProblems` of `problems`, and a note that there are more, when there are.
  private static func summarized(_ problems: [Diagnostic], of data: ResourceDraft)
    -> [Diagnostic]
  {
    guard problems.count > maxProblems else { return problems }
    return Array(problems.prefix(maxProblems)) + [
      Diagnostic(
        .error,
        "\(data.label): more problems in its rows after these \(maxProblems); fix them "
          + "and validate again", at: data.location)
    ]
  }
}
