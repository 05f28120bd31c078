import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// `heho export --data TABLE`: a table's rows as `data/TABLE.csv` and a `TableData` manifest
/// that reads it, keyed by a column whose values identify the rows.
struct HeHoDataExporter: Sendable {
  /// How the manifests are laid out.
  var layout: ExportLayout

  /// The files for the tables named in `layout.data`, read with one read each through
  /// `provider`; an unknown table is an error naming the ones there are.
  func export(_ live: LiveState, provider: any Provider) async throws -> PlatformExport {
    let tableKind = HeHoKind.table.addressKind
    let dataKind = HeHoKind.tableData.addressKind
    let tables = Dictionary(
      live.resources.filter { $0.address.kind == tableKind }.map { ($0.address.name, $0) },
      uniquingKeysWith: { first, _ in first })
    for name in layout.data where tables[name] == nil {
      throw ProviderError(
        "--data \(name): there is no table named '\(name)' on HeHo"
          + Suggestions.didYouMean(name, among: tables.keys.sorted())
          + " (tables: \(tables.keys.sorted().joined(separator: ", ")))")
    }
    let sources = layout.data.compactMap { name -> RecordSource? in
      guard let table = tables[name] else { return nil }
      return RecordSource(
        address: ResourceAddress(kind: dataKind, name: name), container: table.address,
        keyField: "", fieldTypes: Self.types(of: table))
    }
    let read = try await provider.records.fetchRecords(sources)
    var files: [PlatformExport.File] = []
    var documents: [String] = []
    var warnings: [String] = []
    // Names as every exporter makes them: unique ignoring case, so `Orders` and `orders` give
    // two files even on a case-insensitive file system.
    var naming = ExportNaming()
    for resource in read.resources.sorted(by: { $0.address < $1.address }) {
      let name = resource.address.name
      guard let table = tables[name] else { continue }
      let columns = table.fields["columns"]?.arrayValue?.compactMap(\.stringValue) ?? []
      let records = (resource.records ?? []).map(\.fields)
      guard let key = Self.key(columns: columns, records: records) else {
        warnings.append(
          "table/\(name): no column identifies its rows (each value present and different), "
            + "so its rows were not exported")
        continue
      }
      let dataPath = "data/\(naming.unique(name, in: "data")).csv"
      let manifestName = naming.name(name, fallback: tableKind, in: dataKind)
      files.append(
        PlatformExport.File(
          path: dataPath, contents: ExportCSV.text(columns: columns, records: records)))
      let reference = layout.perKind ? dataPath : "../\(dataPath)"
      let document =
        [
          "apiVersion: heho/v1", "kind: TableData", "metadata:",
          "  name: \(ExportYAML.scalar(manifestName))", "spec:",
          "  table: \(ExportYAML.scalar(name))", "  key: \(ExportYAML.scalar(key))",
          "  file: \(ExportYAML.scalar(reference))",
        ].joined(separator: "\n") + "\n"
      documents.append(document)
      if !layout.perKind {
        files.append(
          PlatformExport.File(
            path: "tabledata/\(manifestName).yaml",
            contents: Self.header + document))
      }
    }
    if layout.perKind && !documents.isEmpty {
      files.append(
        PlatformExport.File(
          path: "tabledata.yaml", contents: Self.header + documents.joined(separator: "---\n")))
    }
    return PlatformExport(
      files: files, warnings: warnings, counts: [(dataKind, documents.count)])
  }

  static let header = "# Exported by heho export from the live platform.\n"

  /// Each column's canonical type, from the normalized live table.
  static func types(of table: LiveResource) -> [String: String] {
    var types: [String: String] = [:]
    for column in table.fields["columns"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
      types[column] = table.fields["columns.\(column).type"]?.stringValue
    }
    return types
  }

  /// The column that identifies the rows: `id` if its values do, else the first column whose
  /// values are all present and different.
  static func key(columns: [String], records: [[String: Value]]) -> String? {
    let ordered = columns.contains("id") ? ["id"] + columns.filter { $0 != "id" } : columns
    return ordered.first { column in
      var seen = Set<String>()
      for record in records {
        guard let value = record[column], value != .null,
          seen.insert(RowValues.keyText(value)).inserted
        else { return false }
      }
      return true
    }
  }
}
