import HehoManifest
import PlatformKit

/// `kind: TableData`: rows of a table kept as code, from a data file (CSV, JSON, JSON Lines,
/// YAML) or inline, identified by a key column.
public struct TableDataKind: ManifestKind {
  /// Creates the kind.
  public init() {}

  public var name: String { HeHoKind.tableData.rawValue }
  public var summary: String { "Rows of a table, from a data file or inline, kept as code." }
  public var nameSchema: FieldSchema { NamePatterns.resourceName("table data name") }

  public var specSchema: FieldSchema {
    .object(
      "TableData spec",
      [
        .init("table", required: true, NamePatterns.required("table", "the table's name")),
        .init(
          "key",
          FieldSchema(
            .string, summary: "the column that identifies a row (default: the primary key)")),
        .init(
          "file",
          FieldSchema(
            .string,
            summary: "a data file, relative to the manifest: .csv (with a header row), .json, "
              + ".jsonl or .yaml")),
        .init(
          "rows",
          FieldSchema(
            .array(
              FieldSchema(
                .map(keyPattern: nil, keyHint: nil, values: FieldSchema(.any)),
                summary: "one row: column values by column name")),
            summary: "the rows, inline (instead of file)")),
        .init("prune", .boolean("delete rows whose key is not listed (default false)")),
      ])
  }

  public var specJSONSchemaExtras: [String: Value] {
    [
      "oneOf": .array([
        .object(["required": .array([.string("file")])]),
        .object(["required": .array([.string("rows")])]),
      ])
    ]
  }

  public var referenceFields: [(field: String, kind: String)] {
    [("table", HeHoKind.table.rawValue)]
  }

  public var setRules: [any ResourceSetRule] { [TableDataRule()] }

  public var dataFileField: String? { "file" }

  /// Reads the data file into `rows`, keeping where each row and field was written.
  public func resolve(_ draft: inout ResourceDraft, diagnostics: inout [Diagnostic]) {
    if draft.readRecords("file", into: "rows", diagnostics: &diagnostics) { return }
    if draft.spec["rows"] == nil {
      diagnostics.append(
        Diagnostic(
          .error,
          "\(draft.label) needs its rows: 'file' (a .csv, .json, .jsonl or .yaml file) or "
            + "'rows' (a list written inline)", at: draft.specLocation))
    }
  }
}
