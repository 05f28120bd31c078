import HehoEngine
import HehoManifest

extension HeHoCompiler {
  /// A `TableData` as a data item: its rows normalized by their table's column types, keyed by
  /// its key column, kept in the table it names (which it depends on).
  func tableData(
    _ resource: DesiredResource, tables: [String: DesiredResource], problems: inout [String]
  ) -> DesiredItem {
    let tableName = resource.spec["table"]?.stringValue ?? ""
    let table = ResourceAddress(kind: HeHoCompiler.tableKind, name: tableName)
    let columns = TableColumns(spec: tables[tableName]?.spec ?? [:])
    let declaredKey = resource.spec["key"]?.stringValue
    let keyField =
      declaredKey.flatMap { columns.column($0)?.name } ?? declaredKey ?? columns.primaryKey?.name
      ?? ""
    if keyField.isEmpty {
      problems.append(
        "\(resource.location): \(resource.address) names no key and table '\(tableName)' "
          + "declares no primary key; set 'key'")
    }
    let primaryKey = columns.primaryKey?.name
    let idField = primaryKey.flatMap { $0 == keyField ? nil : $0 }
    var records: [Record] = []
    let rows = resource.spec["rows"]?.arrayValue ?? []
    records.reserveCapacity(rows.count)
    for row in rows {
      var fields: [String: Value] = [:]
      for (name, value) in row.objectValue ?? [:] {
        let column = columns.column(name)
        let normalized = RowValues.normalize(value, type: column?.type)
        fields[column?.name ?? name] = (try? normalized.get()) ?? value
      }
      records.append(Record(key: RowValues.keyText(fields[keyField] ?? .null), fields: fields))
    }
    let set = RecordSet(
      container: table, keyField: keyField, records: records,
      prune: resource.spec["prune"]?.boolValue ?? false, idField: idField,
      fieldTypes: columns.types)
    var item = DesiredItem(
      address: resource.address, fields: ["table": .string(tableName)], payload: [:],
      dependencies: [table], lifecycle: resource.lifecycle, location: resource.location)
    item.records = set
    return item
  }
}
