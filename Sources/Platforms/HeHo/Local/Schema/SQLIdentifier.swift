import LocalServerKit

/// Table and column names: validated against the platform's rule, always quoted in SQL.
enum SQLIdentifier {
  /// PostgreSQL's identifier length limit, which the platform inherits.
  static let maximumLength = 63

  /// Checks a table or column name; throws a 400 naming `field` when it breaks the rule.
  ///
  /// - Parameters:
  ///   - name: The name to check.
  ///   - what: What the name is, for the message ("tableName", "column name").
  ///   - field: The request field to report.
  static func validate(_ name: String, what: String, field: String) throws {
    if name.isEmpty {
      throw LocalAPIError.badRequest("\(what) must not be empty", field: field)
    }
    let allowed = name.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII
        && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
          || ("0"..."9").contains(scalar) || scalar == "_")
    }
    if !allowed {
      throw LocalAPIError.badRequest(
        "\(what) '\(printable(name))' may contain only letters, digits and underscores",
        field: field)
    }
    if name.count > maximumLength {
      throw LocalAPIError.badRequest(
        "\(what) '\(name)' is \(name.count) characters long; at most \(maximumLength) are allowed",
        field: field)
    }
    let lowered = name.lowercased()
    if lowered.hasPrefix("sqlite_") || lowered.hasPrefix("_heho_") {
      throw LocalAPIError.badRequest(
        "\(what) '\(name)' is reserved (names may not start with 'sqlite_' or '_heho_')",
        field: field)
    }
  }

  /// The name quoted for SQL (`"name"`, inner quotes doubled).
  static func quoted(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A name shortened and stripped of control characters for use in a message.
  static func printable(_ name: String) -> String {
    let cleaned = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
    return cleaned.count > 70 ? String(cleaned.prefix(67)) + "..." : cleaned
  }
}
