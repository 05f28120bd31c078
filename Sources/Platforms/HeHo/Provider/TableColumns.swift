import HehoManifest

/// A table's declared columns as rows are checked and normalized against them.
struct TableColumns: Sendable {
  /// One declared column.
  struct Column: Sendable {
    /// The name as declared.
    var name: String
    /// The canonical type (`HeHoTypes.canonical`).
    var type: String
    /// Whether the column is the primary key.
    var primaryKey: Bool
    /// Whether a row must give it: NOT NULL or the primary key, with no default the platform
    /// fills in (a default value, a serial, an integer or uuid primary key).
    var required: Bool
    /// Whether null is refused (NOT NULL or the primary key).
    var notNull: Bool
  }

  /// The columns in declared order.
  var columns: [Column]
  private var byName: [String: Int] = [:]

  /// The columns a Table spec declares (`columns: [{name, type, …}]`).
  init(spec: [String: Value]) {
    columns = (spec["columns"]?.arrayValue ?? []).compactMap { column in
      guard let name = column["name"]?.stringValue else { return nil }
      let written = column["type"]?.stringValue ?? ""
      let type = HeHoTypes.canonical(written)
      let primaryKey = column["primaryKey"]?.boolValue ?? false
      let notNull = primaryKey || (column["notNull"]?.boolValue ?? false)
      let generated =
        column["defaultValue"] != nil || written.lowercased().hasSuffix("serial")
        || (primaryKey && ["integer", "bigint", "smallint", "uuid"].contains(type))
      return Column(
        name: name, type: type, primaryKey: primaryKey, required: notNull && !generated,
        notNull: notNull)
    }
    for (index, column) in columns.enumerated() { byName[column.name.lowercased()] = index }
  }

  /// The column named `name`, ignoring case.
  func column(_ name: String) -> Column? {
    byName[name.lowercased()].map { columns[$0] }
  }

  /// The primary-key column, if one is declared.
  var primaryKey: Column? { columns.first(where: \.primaryKey) }

  /// Each column's canonical type, by declared name.
  var types: [String: String] {
    Dictionary(columns.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
  }
}
