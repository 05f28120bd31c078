import HehoEngine
import HehoManifest
import PlatformKit

/// How a HeHo table create shows in a plan: one aligned line per column, with its name, its
/// type as written and its flags (`primary key`, `not null`, `default 1`).
enum HeHoOutline {
  /// The lines for a table item, from what its create sends; `nil` for other kinds.
  static func lines(for item: DesiredItem) -> [String]? {
    guard HeHoKind(addressKind: item.address.kind) == .table,
      let columns = item.payload["columns"]?.arrayValue
    else { return nil }
    let rows = columns.map { column -> (name: String, type: String, flags: String) in
      let flags = [
        column["primaryKey"]?.boolValue == true ? "primary key" : nil,
        column["notNull"]?.boolValue == true ? "not null" : nil,
        column["defaultValue"].map { "default \($0)" },
      ].compactMap { $0 }
      return (
        column["name"]?.stringValue ?? "", column["type"]?.stringValue ?? "",
        flags.joined(separator: ", ")
      )
    }
    let nameWidth = rows.map(\.name.count).max() ?? 0
    let typeWidth = rows.map(\.type.count).max() ?? 0
    return rows.map { row in
      let name = pad(row.name, to: nameWidth)
      guard !row.flags.isEmpty else { return "\(name)  \(row.type)" }
      return "\(name)  \(pad(row.type, to: typeWidth))  \(row.flags)"
    }
  }

  static func pad(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
