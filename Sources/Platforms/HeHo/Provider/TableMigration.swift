import Foundation
import HehoEngine
import HehoManifest

/// How a table HeHo cannot ALTER keeps its rows through a column change: which columns carry
/// over, which changes keep every value (a column added that is nullable or has a default, a
/// type widened, a constraint relaxed, columns reordered) and which lose data (a column
/// removed, a type narrowed, a new required column without a default, a value that does not
/// convert).
enum TableMigration {
  /// The types each type widens to without losing a value (canonical names); any type widens
  /// to `text`, and to `character varying` without a length.
  static let widening: [String: Set<String>] = [
    "smallint": ["integer", "bigint", "numeric", "real", "double precision"],
    "integer": ["bigint", "numeric", "double precision"],
    "bigint": ["numeric"],
    "real": ["double precision", "numeric"],
    "double precision": ["numeric"],
    "date": ["timestamp without time zone", "timestamp with time zone"],
    "timestamp without time zone": ["timestamp with time zone"],
    "json": ["jsonb"],
    "jsonb": ["json"],
  ]

  /// Types whose values may be any text.
  static let textual: Set<String> = ["text", "character varying", "character"]

  /// The migration of `live` to the columns `item` declares; `nil` when either has no columns.
  static func plan(from live: LiveResource, to item: DesiredItem) -> MigrationPlan? {
    guard case .array(let declared)? = item.payload["columns"],
      let oldNames = live.fields["columns"]?.arrayValue?.compactMap(\.stringValue)
    else { return nil }
    var oldTypes: [String: String] = [:]
    for name in oldNames { oldTypes[name] = live.fields["columns.\(name).type"]?.stringValue }
    var newTypes: [String: String] = [:]
    var carried: [String] = []
    var required: [String] = []
    var lossy: [String] = []
    var lossless: [String] = []
    var primaryKey: String?
    var dropsEveryRow: String?
    for column in declared {
      guard let name = column["name"]?.stringValue, let raw = column["type"]?.stringValue
      else { continue }
      let type = HeHoTypes.canonical(raw)
      let isPrimaryKey = column["primaryKey"]?.boolValue == true
      let isRequired = isPrimaryKey || column["notNull"]?.boolValue == true
      let hasDefault = (column["defaultValue"] ?? .null) != .null
      newTypes[name] = type
      if isPrimaryKey { primaryKey = name }
      guard let old = oldTypes[name] else {
        let generated = isGenerated(raw: raw, type: type, primaryKey: isPrimaryKey)
        if isRequired && !hasDefault && !generated {
          dropsEveryRow =
            "column \(name) is new, required and has no default: no row can be carried over"
        } else {
          let value =
            hasDefault ? "takes its default" : generated ? "values generated" : "null in every row"
          lossless.append("column \(name) added (\(value))")
        }
        continue
      }
      carried.append(name)
      if isRequired { required.append(name) }
      if old != type {
        if widens(from: old, to: type, raw: raw) {
          lossless.append("\(name): \(old) → \(type) (widened)")
        } else {
          lossy.append(
            "column \(name): \(old) → \(type) narrows it: values that do not convert are lost")
        }
      }
      if live.fields["columns.\(name).required"]?.boolValue == true && !isRequired {
        lossless.append("\(name) no longer required")
      }
    }
    if carried.isEmpty {
      dropsEveryRow = "no column is carried over (every one is removed): no row can be"
    }
    let removed = oldNames.filter { newTypes[$0] == nil }
    for name in removed { lossy.append("column \(name) removed: its values are lost") }
    if oldNames.filter({ newTypes[$0] != nil }) != carried { lossless.append("columns reordered") }
    let key = primaryKey.flatMap { carried.contains($0) ? $0 : nil } ?? ""
    let table = item.address
    let source = RecordSource(
      address: table, container: table, keyField: key, idField: key.isEmpty ? nil : key,
      fieldTypes: oldTypes.compactMapValues { $0 })
    var target = RecordSource(
      address: table, container: table, keyField: key, idField: key.isEmpty ? nil : key,
      fieldTypes: newTypes)
    // Without a primary key, a restored row whose add had an unknown outcome is looked up by
    // all its plain values.
    if key.isEmpty {
      let plain = carried.filter { !["json", "jsonb", "bytea"].contains(newTypes[$0]) }
      target.lookupFields = plain.isEmpty ? carried : plain
    }
    return MigrationPlan(
      source: source, target: target, carried: carried, removed: removed, required: required,
      dropsEveryRecord: dropsEveryRow, lossyChanges: lossy, losslessChanges: lossless,
      noun: "rows")
  }

  /// Whether the platform fills a column no row gives (serials, and integer or UUID primary
  /// keys), as the table API does.
  static func isGenerated(raw: String, type: String, primaryKey: Bool) -> Bool {
    let lowered = raw.lowercased()
    if lowered.hasSuffix("serial") || lowered.hasSuffix("serial2") || lowered.hasSuffix("serial4")
      || lowered.hasSuffix("serial8")
    {
      return true
    }
    return primaryKey && ["integer", "bigint", "smallint", "uuid"].contains(type)
  }

  /// Whether every value of type `old` is a value of type `new` (`raw` as declared).
  static func widens(from old: String, to new: String, raw: String) -> Bool {
    if old == new || new == "text" { return true }
    if new == "character varying" && !HeHoTypes.hasParameters(raw) { return true }
    return widening[old]?.contains(new) ?? false
  }

  /// What the migration does with one row.
  static func carryOver(_ record: Record, in plan: MigrationPlan) -> CarriedRecord {
    if let reason = plan.dropsEveryRecord { return .dropped(reason) }
    var fields: [String: Value] = [:]
    var lost: [String] = []
    for name in plan.carried {
      let value = record.fields[name] ?? .null
      let type = plan.target.fieldTypes[name]
      let isRequired = plan.required.contains(name)
      switch convert(value, from: plan.source.fieldTypes[name], to: type) {
      case .success(let converted):
        if converted == .null && isRequired {
          return .dropped("\(name) is empty, and the column is now required")
        }
        fields[name] = converted
      case .failure:
        let shown = "\(name) = \(ValueDisplay.short(value)) does not fit \(type ?? "its type")"
        if isRequired { return .dropped(shown) }
        fields[name] = .null
        lost.append(shown + " (it becomes null)")
      }
    }
    for name in plan.removed where (record.fields[name] ?? .null) != .null {
      lost.append("\(name) = \(ValueDisplay.short(record.fields[name] ?? .null)) (column removed)")
    }
    return .kept(fields, lost: lost)
  }

  /// `value` (of type `old`) as a value of type `new`, or why it does not fit.
  static func convert(_ value: Value, from old: String?, to new: String?) -> Result<
    Value, RowValueProblem
  > {
    if value == .null || old == new { return .success(value) }
    if let new, textual.contains(new) {
      let text: String
      switch value {
      case .string(let string): text = string
      case .int(let number): text = String(number)
      case .double(let number): text = String(number)
      case .bool(let flag): text = flag ? "true" : "false"
      default:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        text = (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
      }
      return RowValues.normalize(.string(text), type: new)
    }
    if old == "date", let new, new.hasPrefix("timestamp"), case .string(let day) = value {
      return RowValues.normalize(.string(day + "T00:00:00"), type: new)
    }
    return RowValues.normalize(value, type: new)
  }
}
