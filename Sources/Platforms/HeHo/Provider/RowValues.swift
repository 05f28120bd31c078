import Foundation
import HehoEngine
import HehoManifest

/// Brings a row's value to the one form heho compares and sends for its column's type, so that
/// `1.0` equals `1` in a numeric column, timestamps compare in any ISO 8601 form, and `yes`
/// is `true` in a boolean column. The same function normalizes declared and live values.
public enum RowValues {
  /// The canonical value of `value` in a column of canonical type `type`
  /// (`HeHoTypes.canonical`), or why it does not fit. Null stays null; an unknown type keeps
  /// the value, numbers made canonical.
  public static func normalize(_ value: Value, type: String?) -> Result<Value, RowValueProblem> {
    if value == .null { return .success(.null) }
    switch type {
    case "integer", "bigint", "smallint": return whole(value, type: type ?? "")
    case "numeric", "real", "double precision": return number(value)
    case "boolean": return boolean(value)
    case "uuid": return uuid(value)
    case "date": return RowTimes.date(value)
    case "timestamp with time zone": return RowTimes.timestamp(value, zoned: true)
    case "timestamp without time zone": return RowTimes.timestamp(value, zoned: false)
    case "time without time zone": return RowTimes.time(value, zoned: false)
    case "time with time zone": return RowTimes.time(value, zoned: true)
    case "json", "jsonb": return json(value)
    case "text", "character varying", "bytea": return text(value)
    case "character": return text(value).map(trailingSpacesDropped)
    default: return .success(canonicalNumbers(value))
    }
  }

  /// The text a key value is compared by (`7`, `ada@example.com`).
  public static func keyText(_ value: Value) -> String {
    RecordKey.text(value)
  }

  static func whole(_ value: Value, type: String) -> Result<Value, RowValueProblem> {
    let number: Int?
    switch value {
    case .int(let integer): number = integer
    case .double(let double) where double.rounded() == double && abs(double) < 9.2e18:
      number = Int(double)
    case .string(let text): number = Int(trimmed(text))
    default: number = nil
    }
    guard let number else { return .failure(.init("a whole number", value)) }
    let limit = type == "smallint" ? Int(Int16.max) : type == "integer" ? Int(Int32.max) : Int.max
    guard number <= limit, number >= -limit - 1 else {
      return .failure(.init("a whole number within \(-limit - 1)...\(limit) (\(type))", value))
    }
    return .success(.int(number))
  }

  static func number(_ value: Value) -> Result<Value, RowValueProblem> {
    switch value {
    case .int: return .success(value)
    case .double: return .success(canonicalNumbers(value))
    case .string(let text):
      let digits = trimmed(text).prefix { $0 != "e" && $0 != "E" }.filter(\.isNumber)
        .drop { $0 == "0" }
      guard let parsed = Double(trimmed(text)), parsed.isFinite else {
        return .failure(.init("a number", value))
      }
      // heho compares numbers as doubles: more digits than a double keeps would be lost.
      guard digits.count <= 15 else {
        return .failure(.init("a number of at most 15 significant digits", value))
      }
      return .success(canonicalNumbers(.double(parsed)))
    default: return .failure(.init("a number", value))
    }
  }

  static func boolean(_ value: Value) -> Result<Value, RowValueProblem> {
    switch value {
    case .bool: return .success(value)
    case .int(let number) where number == 0 || number == 1: return .success(.bool(number == 1))
    case .string(let text):
      switch trimmed(text).lowercased() {
      case "true", "t", "yes", "y", "on", "1": return .success(.bool(true))
      case "false", "f", "no", "n", "off", "0": return .success(.bool(false))
      default: break
      }
    default: break
    }
    return .failure(.init("true or false (also yes/no, 1/0)", value))
  }

  static func uuid(_ value: Value) -> Result<Value, RowValueProblem> {
    guard case .string(let text) = value, let uuid = UUID(uuidString: text) else {
      return .failure(.init("a UUID", value))
    }
    return .success(.string(uuid.uuidString.lowercased()))
  }

  static func json(_ value: Value) -> Result<Value, RowValueProblem> {
    guard case .string(let text) = value else { return .success(canonicalNumbers(value)) }
    guard let data = text.data(using: .utf8),
      let parsed = try? JSONDecoder().decode(Value.self, from: data)
    else { return .failure(.init("JSON text", value)) }
    return .success(canonicalNumbers(parsed))
  }

  /// Text as written. A number or boolean (unquoted in YAML or JSON) is refused rather than
  /// turned into text: `007` would become `7`, `1.10` would become `1.1`.
  static func text(_ value: Value) -> Result<Value, RowValueProblem> {
    guard case .string = value else {
      return .failure(.init("text (quote it: an unquoted number or boolean is not text)", value))
    }
    return .success(value)
  }

  /// A `character(n)` value without the trailing spaces PostgreSQL pads it with (they do not
  /// count in comparisons there either).
  static func trailingSpacesDropped(_ value: Value) -> Value {
    guard case .string(var text) = value else { return value }
    while text.last == " " { text.removeLast() }
    return .string(text)
  }

  /// Whole doubles as integers, inside lists and objects too.
  static func canonicalNumbers(_ value: Value) -> Value {
    switch value {
    case .double(let number) where number.rounded() == number && abs(number) < 9.2e18:
      return .int(Int(number))
    case .array(let items): return .array(items.map(canonicalNumbers))
    case .object(let members): return .object(members.mapValues(canonicalNumbers))
    default: return value
    }
  }

  /// `text` without leading and trailing spaces and tabs (most values have none: no copy).
  static func trimmed(_ text: String) -> Substring {
    var slice = Substring(text)
    while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
    return slice
  }
}
