import Foundation
import GRDB
import LocalServerKit

/// Converts JSON values to stored SQLite values and back, honouring each column's type.
enum ColumnValueCoder {
  /// The stored value for a JSON value; throws a 400 naming the column when it does not fit.
  static func encode(_ value: JSONValue, for column: TableColumn, field: String) throws
    -> DatabaseValue
  {
    if value == .null { return .null }
    let type = column.type
    func mismatch(_ expected: String) -> LocalAPIError {
      .badRequest(
        "column '\(column.name)' (\(type.dataType)) expects \(expected), got \(value.typeName) "
          + value.summary, field: field)
    }
    switch type.kind {
    case .smallint, .integer, .bigint:
      let number: Int64
      switch value {
      case .integer(let integer): number = integer
      case .number(let double) where double.rounded() == double && abs(double) < 9.2e18:
        number = Int64(double)
      case .string(let text):
        guard let parsed = Int64(text.trimmingCharacters(in: .whitespaces)) else {
          throw mismatch("a whole number")
        }
        number = parsed
      default: throw mismatch("a whole number")
      }
      let limit: Int64 =
        type.kind == .smallint ? Int64(Int16.max) : type.kind == .integer ? Int64(Int32.max) : .max
      guard number <= limit, number >= -limit - 1 else {
        throw LocalAPIError.badRequest(
          "column '\(column.name)' (\(type.dataType)) value \(number) is out of range "
            + "(\(-limit - 1)...\(limit))", field: field)
      }
      return number.databaseValue
    case .numeric, .real, .double:
      switch value {
      case .integer(let integer): return integer.databaseValue
      case .number(let double): return double.databaseValue
      case .string(let text):
        guard let parsed = Double(text.trimmingCharacters(in: .whitespaces)), parsed.isFinite else {
          throw mismatch("a number")
        }
        return parsed.databaseValue
      default: throw mismatch("a number")
      }
    case .boolean:
      switch value {
      case .bool(let flag): return (flag ? 1 : 0).databaseValue
      case .string(let text) where ["true", "false"].contains(text.lowercased()):
        return (text.lowercased() == "true" ? 1 : 0).databaseValue
      default: throw mismatch("true or false")
      }
    case .json, .jsonb:
      return value.serialized().databaseValue
    case .uuid:
      guard case .string(let text) = value, let uuid = UUID(uuidString: text) else {
        throw mismatch("a UUID string")
      }
      return uuid.uuidString.lowercased().databaseValue
    case .varchar, .character:
      guard case .string(let text) = value else { throw mismatch("a string") }
      if let length = type.length, text.count > length {
        throw LocalAPIError.badRequest(
          "column '\(column.name)' (\(type.dataType)(\(length))) allows at most \(length) "
            + "characters, got \(text.count)", field: field)
      }
      return text.databaseValue
    case .bytea:
      guard case .string(let text) = value else { throw mismatch("a base64 string") }
      guard let data = Data(base64Encoded: text) else { throw mismatch("a base64 string") }
      return data.databaseValue
    case .text, .date, .timestamp, .timestamptz, .time, .timetz:
      guard case .string(let text) = value else { throw mismatch("a string") }
      return text.databaseValue
    }
  }

  /// The JSON value of a stored value; a value that does not fit its column is returned as stored.
  static func decode(_ value: DatabaseValue, for column: TableColumn) -> JSONValue {
    switch value.storage {
    case .null:
      return .null
    case .int64(let integer):
      switch column.type.kind {
      case .boolean: return .bool(integer != 0)
      case .numeric, .real, .double, .smallint, .integer, .bigint: return .integer(integer)
      default: return column.type.kind == .text ? .string(String(integer)) : .integer(integer)
      }
    case .double(let double):
      if column.type.isInteger, double.rounded() == double, abs(double) < 9.2e18 {
        return .integer(Int64(double))
      }
      return .number(double)
    case .string(let text):
      if column.type.kind == .json || column.type.kind == .jsonb {
        return JSONValue.parse(text) ?? .string(text)
      }
      return .string(text)
    case .blob(let data):
      return .string(data.base64EncodedString())
    }
  }
}
