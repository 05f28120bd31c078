import Foundation

/// Column type spellings: what users write and what HeHo reports (PostgreSQL's
/// information_schema spelling) brought to one canonical name, so aliases are not changes.
public enum HeHoTypes {
  static let aliases: [String: String] = [
    "int": "integer", "int4": "integer", "integer": "integer", "serial": "integer",
    "serial4": "integer",
    "bigint": "bigint", "int8": "bigint", "bigserial": "bigint", "serial8": "bigint",
    "smallint": "smallint", "int2": "smallint", "smallserial": "smallint", "serial2": "smallint",
    "varchar": "character varying", "character varying": "character varying",
    "char": "character", "character": "character", "bpchar": "character",
    "bool": "boolean", "boolean": "boolean",
    "float8": "double precision", "double precision": "double precision",
    "double": "double precision", "float": "double precision",
    "float4": "real", "real": "real",
    "decimal": "numeric", "numeric": "numeric",
    "timestamptz": "timestamp with time zone",
    "timestamp with time zone": "timestamp with time zone",
    "timestamp": "timestamp without time zone",
    "timestamp without time zone": "timestamp without time zone",
    "timetz": "time with time zone", "time with time zone": "time with time zone",
    "time": "time without time zone", "time without time zone": "time without time zone",
  ]

  /// The canonical spelling of `type`: lower-cased, spaces collapsed, parameters such as a
  /// length or precision dropped (HeHo does not report them), aliases resolved.
  public static func canonical(_ type: String) -> String {
    // Most types are one lower-case word: nothing to collapse or drop.
    if type.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) {
      return aliases[type] ?? type
    }
    var text = type.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    if let open = text.firstIndex(of: "("), let close = text.firstIndex(of: ")"), open < close {
      text = (text[..<open] + text[text.index(after: close)...])
        .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    return aliases[text] ?? text
  }

  /// Whether `type` carries parameters that cannot be read back (`varchar(255)`).
  public static func hasParameters(_ type: String) -> Bool {
    type.utf8.contains(UInt8(ascii: "("))
  }
}
