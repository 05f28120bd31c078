import Foundation
import HehoManifest

/// CSV for exported data files, as heho's CSV reader reads it back: a header row, a line per
/// record, null as an empty field and the empty string as `""`; a field with a comma, a quote,
/// a line break or surrounding spaces is quoted, its quotes doubled. Lists and objects are
/// written as JSON text.
public enum ExportCSV {
  /// The file's text: `columns` as the header, then one line per record.
  public static func text(columns: [String], records: [[String: Value]]) -> String {
    var text = columns.map { field(.string($0)) }.joined(separator: ",") + "\n"
    for record in records {
      text += columns.map { field(record[$0] ?? .null) }.joined(separator: ",") + "\n"
    }
    return text
  }

  /// One field.
  public static func field(_ value: Value) -> String {
    switch value {
    case .null: return ""
    case .bool(let flag): return String(flag)
    case .int(let number): return String(number)
    case .double(let number): return String(number)
    case .string(let text): return quotedIfNeeded(text)
    case .array, .object:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      let json = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
      return quotedIfNeeded(json)
    }
  }

  static func quotedIfNeeded(_ text: String) -> String {
    let needs =
      text.isEmpty || text.first == " " || text.last == " "
      || text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
    guard needs else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
