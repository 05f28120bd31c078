import Foundation
import LocalServerKit

/// A column type of the platform, with its PostgreSQL spelling and its SQLite storage.
struct ColumnType: Sendable, Hashable {
  /// The family of a type, which decides how values are converted.
  enum Kind: String, Sendable, Hashable {
    case uuid, text, varchar, character, smallint, integer, bigint, numeric, real, double
    case boolean, date, timestamp, timestamptz, time, timetz, json, jsonb, bytea
  }

  /// The family.
  var kind: Kind
  /// The length limit of `varchar(n)` and `char(n)`.
  var length: Int?
  /// Whether values are generated (serial, bigserial, smallserial).
  var isSerial: Bool = false

  /// The type as `information_schema.columns.data_type` spells it.
  var dataType: String {
    switch kind {
    case .uuid: "uuid"
    case .text: "text"
    case .varchar: "character varying"
    case .character: "character"
    case .smallint: "smallint"
    case .integer: "integer"
    case .bigint: "bigint"
    case .numeric: "numeric"
    case .real: "real"
    case .double: "double precision"
    case .boolean: "boolean"
    case .date: "date"
    case .timestamp: "timestamp without time zone"
    case .timestamptz: "timestamp with time zone"
    case .time: "time without time zone"
    case .timetz: "time with time zone"
    case .json: "json"
    case .jsonb: "jsonb"
    case .bytea: "bytea"
    }
  }

  /// The SQLite column type that stores it.
  var sqliteType: String {
    switch kind {
    case .smallint, .integer, .bigint, .boolean: "INTEGER"
    case .numeric: "NUMERIC"
    case .real, .double: "REAL"
    case .bytea: "BLOB"
    default: "TEXT"
    }
  }

  /// Whether values are whole numbers.
  var isInteger: Bool { [.smallint, .integer, .bigint].contains(kind) }

  /// The type names accepted in a table definition, for error messages.
  static let acceptedNames =
    "uuid, text, varchar, varchar(n), char(n), integer (int, int4), bigint (int8), "
    + "smallint (int2), numeric/decimal[(p[,s])], real, double precision, boolean (bool), date, "
    + "timestamp, timestamptz, time, json, jsonb, serial, bigserial"

  /// Parses a declared type (`varchar(40)`, `INT`, `timestamp with time zone`); `nil` if unknown.
  static func parse(_ declared: String) -> ColumnType? {
    // Most declared types are one lower-case word (`uuid`, `text`): nothing to normalize.
    let isWord = declared.utf8.allSatisfy {
      ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
        || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
    }
    if isWord { return make(base: declared, arguments: []) }
    var text = declared.lowercased().trimmingCharacters(in: .whitespaces)
    text = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    text = text.replacingOccurrences(of: " (", with: "(").replacingOccurrences(of: ", ", with: ",")
    var base = text
    var arguments: [Int] = []
    if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
      base = String(text[..<open]).trimmingCharacters(in: .whitespaces)
      let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
      let parts = inner.split(separator: ",", omittingEmptySubsequences: false)
      let numbers = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
      guard numbers.count == parts.count, numbers.allSatisfy({ $0 > 0 }) else { return nil }
      arguments = numbers
    }
    return make(base: base, arguments: arguments)
  }

  private static func make(base: String, arguments: [Int]) -> ColumnType? {
    let oneArgument = arguments.count <= 1
    switch base {
    case "varchar", "character varying":
      return oneArgument ? ColumnType(kind: .varchar, length: arguments.first) : nil
    case "char", "character", "bpchar":
      return oneArgument ? ColumnType(kind: .character, length: arguments.first ?? 1) : nil
    case "numeric", "decimal":
      return arguments.count <= 2 ? ColumnType(kind: .numeric) : nil
    case "timestamp", "timestamp without time zone", "datetime":
      return oneArgument ? ColumnType(kind: .timestamp) : nil
    case "timestamptz", "timestamp with time zone":
      return oneArgument ? ColumnType(kind: .timestamptz) : nil
    case "time", "time without time zone":
      return oneArgument ? ColumnType(kind: .time) : nil
    case "timetz", "time with time zone":
      return oneArgument ? ColumnType(kind: .timetz) : nil
    default:
      guard arguments.isEmpty else { return nil }
      return simple[base]
    }
  }

  private static let simple: [String: ColumnType] = [
    "uuid": ColumnType(kind: .uuid), "text": ColumnType(kind: .text),
    "smallint": ColumnType(kind: .smallint), "int2": ColumnType(kind: .smallint),
    "integer": ColumnType(kind: .integer), "int": ColumnType(kind: .integer),
    "int4": ColumnType(kind: .integer), "bigint": ColumnType(kind: .bigint),
    "int8": ColumnType(kind: .bigint), "real": ColumnType(kind: .real),
    "float4": ColumnType(kind: .real), "double precision": ColumnType(kind: .double),
    "float8": ColumnType(kind: .double), "float": ColumnType(kind: .double),
    "double": ColumnType(kind: .double), "boolean": ColumnType(kind: .boolean),
    "bool": ColumnType(kind: .boolean), "date": ColumnType(kind: .date),
    "json": ColumnType(kind: .json), "jsonb": ColumnType(kind: .jsonb),
    "bytea": ColumnType(kind: .bytea), "blob": ColumnType(kind: .bytea),
    "serial": ColumnType(kind: .integer, isSerial: true),
    "serial4": ColumnType(kind: .integer, isSerial: true),
    "bigserial": ColumnType(kind: .bigint, isSerial: true),
    "serial8": ColumnType(kind: .bigint, isSerial: true),
    "smallserial": ColumnType(kind: .smallint, isSerial: true),
    "serial2": ColumnType(kind: .smallint, isSerial: true),
  ]

  /// The platform type of a column declared in SQLite (tables made outside the platform).
  ///
  /// Known spellings map directly (`VARCHAR(20)` is `character varying`); anything else follows
  /// SQLite's affinity rules: INT → integer (bigint when BIG), CHAR/CLOB/TEXT → text,
  /// BLOB or none → bytea, REAL/FLOA/DOUB → double precision, else numeric.
  static func fromSQLite(declared: String) -> ColumnType {
    if let known = parse(declared) { return known }
    let upper = declared.uppercased()
    if upper.contains("INT") {
      return ColumnType(kind: upper.contains("BIG") ? .bigint : .integer)
    }
    if upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT") {
      return ColumnType(kind: .text)
    }
    if upper.isEmpty || upper.contains("BLOB") { return ColumnType(kind: .bytea) }
    if upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB") {
      return ColumnType(kind: .double)
    }
    return ColumnType(kind: .numeric)
  }
}
