import Foundation
import HehoManifest

/// Checks a migrated table against values the test works out itself: the column types as the
/// platform names them, and each row's values compared literally (numbers by value, a
/// timestamp as an instant read by the test's own parser). Nothing here uses heho's
/// conversions, so a value heho mangles in both directions cannot pass, and a value that
/// cannot be read is a problem, never a match.
enum MigrationOracle {
  /// The `data_type` the platform reports for each type the scenarios write.
  static let dataTypes = [
    "integer": "integer", "bigint": "bigint", "text": "text", "numeric": "numeric",
    "date": "date", "boolean": "boolean", "timestamptz": "timestamp with time zone",
  ]

  /// Problems with the live columns (`name data_type`), against the declared ones.
  static func columns(_ live: [String], declared: [MigrationScenario.Column]) -> [String] {
    let expected = declared.map { "\($0.name) \(dataTypes[$0.type] ?? "(unknown: \($0.type))")" }
    return live == expected ? [] : ["columns are \(live), declared \(expected)"]
  }

  /// Problems with one live row against its expected values; `types` are the columns' types
  /// as written in the scenario.
  static func row(
    _ live: [String: Value], expected: [String: Value], types: [String: String], id: Value
  ) -> [String] {
    var problems: [String] = []
    for (column, value) in expected.sorted(by: { $0.key < $1.key }) {
      let observed = live[column] ?? .null
      switch matches(observed, value, timestamp: types[column] == "timestamptz") {
      case .success(true): continue
      case .success(false):
        problems.append("row id \(id): \(column) is \(observed), expected \(value)")
      case .failure(let problem):
        problems.append("row id \(id): \(column) is \(observed), which \(problem)")
      }
    }
    let extra = Set(live.keys).subtracting(expected.keys)
    if !extra.isEmpty {
      problems.append("row id \(id) has columns not declared: \(extra.sorted())")
    }
    return problems
  }

  /// Whether `observed` is `expected`: equal values, numbers by value, timestamps as instants.
  static func matches(_ observed: Value, _ expected: Value, timestamp: Bool) -> Result<
    Bool, OracleProblem
  > {
    switch (observed, expected) {
    case (.null, .null): return .success(true)
    case (.int(let a), .int(let b)): return .success(a == b)
    case (.double(let a), .double(let b)): return .success(a == b)
    case (.int(let a), .double(let b)), (.double(let b), .int(let a)):
      return .success(Double(a) == b)
    case (.string(let a), .string(let b)) where timestamp:
      guard let seen = instant(a) else { return .failure(OracleProblem("is not a timestamp")) }
      guard let wanted = instant(b) else {
        return .failure(OracleProblem("cannot be compared: the expected \(b) is not a timestamp"))
      }
      return .success(seen == wanted)
    default: return .success(observed == expected)
    }
  }

  /// The instant an ISO 8601 timestamp names (`2024-01-05T00:00:00Z`, with or without
  /// fractional seconds or a `T`, with a `Z` or an offset); `nil` when it is none.
  static func instant(_ text: String) -> Date? {
    let normal =
      text.count > 10 && text[text.index(text.startIndex, offsetBy: 10)] == " "
      ? text.replacingCharacters(
        in: text.index(text.startIndex, offsetBy: 10)...text.index(text.startIndex, offsetBy: 10),
        with: "T")
      : text
    for options: ISO8601DateFormatter.Options in [
      [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds],
    ] {
      let formatter = ISO8601DateFormatter()
      formatter.formatOptions = options
      if let date = formatter.date(from: normal) { return date }
    }
    return nil
  }
}

/// Why a live value could not be compared.
struct OracleProblem: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
