import Foundation
import LocalServerKit

/// Column defaults: a literal, or one of the SQL functions the platform understands.
enum DefaultValue {
  private static let functions: Set<String> = [
    "now()", "current_timestamp", "current_date", "gen_random_uuid()", "uuid_generate_v4()",
  ]

  /// Whether a default is a function evaluated per row (`now()`, `gen_random_uuid()`, …).
  static func isFunction(_ value: JSONValue) -> Bool {
    guard case .string(let text) = value else { return false }
    return functions.contains(text.lowercased())
  }

  /// The value for a new row.
  static func resolve(_ value: JSONValue) -> JSONValue {
    guard isFunction(value), case .string(let text) = value else { return value }
    switch text.lowercased() {
    case "gen_random_uuid()", "uuid_generate_v4()": return .string(UUID().uuidString.lowercased())
    case "current_date": return .string(String(SQLiteFile.now().prefix(10)))
    default: return .string(SQLiteFile.now())
    }
  }
}
