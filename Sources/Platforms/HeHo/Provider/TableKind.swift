import HehoManifest
import PlatformKit

/// `kind: Table`: a database table the platform creates, or (with `connect: true`) an existing
/// table it connects.
public struct TableKind: ManifestKind {
  /// Creates the kind.
  public init() {}

  public var name: String { HeHoKind.table.rawValue }
  public var summary: String { "A data table chatbots can read and write." }
  public var nameSchema: FieldSchema { NamePatterns.identifier("table name") }

  public var specSchema: FieldSchema {
    let column = FieldSchema.object(
      "column",
      [
        .init("name", required: true, NamePatterns.identifier("column name")),
        .init("type", required: true, ColumnTypes.schema),
        .init("primaryKey", .boolean("the table's primary key (at most one column)")),
        .init("notNull", .boolean("NOT NULL")),
        .init(
          "defaultValue",
          FieldSchema(.scalar(asText: false), summary: "the column's default (a SQL expression)")),
      ])
    return .object(
      "Table spec",
      [
        .init(
          "columns",
          FieldSchema(
            .array(column), summary: "the columns, in order (at least one unless connect)")),
        .init("connect", .boolean("connect an existing table instead of creating it")),
      ])
  }

  public var specJSONSchemaExtras: [String: Value] {
    let primaryKey: Value = .object([
      "type": .string("object"),
      "properties": .object(["primaryKey": .object(["const": .bool(true)])]),
      "required": .array([.string("primaryKey")]),
    ])
    return [
      "if": .object([
        "properties": .object(["connect": .object(["const": .bool(true)])]),
        "required": .array([.string("connect")]),
      ]),
      "else": .object([
        "required": .array([.string("columns")]),
        "properties": .object(["columns": .object(["minItems": .int(1)])]),
      ]),
      "properties": .object([
        "columns": .object([
          "contains": primaryKey, "minContains": .int(0), "maxContains": .int(1),
        ])
      ]),
    ]
  }

  public func validate(_ draft: ResourceDraft, diagnostics: inout [Diagnostic]) {
    let columns = draft.spec["columns"]?.arrayValue ?? []
    if draft.spec["connect"]?.boolValue != true && columns.isEmpty {
      diagnostics.append(
        Diagnostic(
          .error,
          "\(draft.label) needs at least one column (or 'connect: true' to connect an existing "
            + "table)",
          at: draft.spec["columns"] == nil ? draft.location : draft.keyLocation("columns")))
    }
    var primaryKeys: [String] = []
    var seen: [String: Int] = [:]
    for (index, column) in columns.enumerated() {
      let name = column["name"]?.stringValue ?? ""
      if column["primaryKey"]?.boolValue == true {
        primaryKeys.append(name)
        if primaryKeys.count == 2 {
          diagnostics.append(
            Diagnostic(
              .error,
              "\(draft.label) has more than one primary key ('\(primaryKeys[0])' and '\(name)'); "
                + "HeHo tables have a single primary-key column",
              at: draft.keyLocation("columns[\(index)].primaryKey")))
        }
      }
      if let first = seen[name.lowercased()] {
        let firstLocation = draft.valueLocation("columns[\(first)].name")
        diagnostics.append(
          Diagnostic(
            .error,
            "duplicate column name '\(name)' in \(draft.label) (first at line "
              + "\(firstLocation.line)); column names are case-insensitive and must be unique",
            at: draft.valueLocation("columns[\(index)].name")))
      } else {
        seen[name.lowercased()] = index
      }
    }
  }
}
