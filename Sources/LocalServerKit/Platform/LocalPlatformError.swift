/// Errors of the local platform's in-process API (not HTTP errors).
public enum LocalPlatformError: Error, Sendable, CustomStringConvertible {
  /// No organization has this name.
  case unknownOrganization(String)
  /// An organization name is empty or too long.
  case invalidOrganizationName(String)
  /// SQL run with `execute(sql:organization:)` failed; carries SQLite's message.
  case sqlFailed(String)
  /// A table name breaks the naming rule or the table does not exist.
  case invalidTable(String)
  /// The server could not start (for example, the port is taken).
  case startFailed(String)
  /// SQL was asked to run on a platform that keeps no SQL tables of an organization's own, or
  /// on no platform where more than one (or none) keeps them: the platform asked for (`nil`:
  /// none named), the platforms served, and those that keep SQL tables.
  case noSQLPlatform(named: String?, served: [String], withTables: [String])

  public var description: String {
    switch self {
    case .unknownOrganization(let name):
      "no organization named '\(name)'; create it with 'heho local keys create --org \(name)'"
    case .invalidOrganizationName(let name):
      "organization name '\(name)' must be 1 to 100 characters, without control characters"
    case .sqlFailed(let message): "SQL failed: \(message)"
    case .invalidTable(let message): message
    case .startFailed(let message): "the local platform could not start: \(message)"
    case .noSQLPlatform(let name, let served, let withTables):
      Self.noSQLPlatformMessage(name, served: served, withTables: withTables)
    }
  }

  private static func noSQLPlatformMessage(
    _ name: String?, served: [String], withTables: [String]
  ) -> String {
    let keeping =
      withTables.isEmpty
      ? "no platform served keeps SQL tables"
      : "SQL tables are kept by: " + withTables.joined(separator: ", ")
    guard let name else {
      return withTables.isEmpty
        ? "no platform served keeps SQL tables of an organization's own, so SQL has nowhere to run"
        : "more than one platform keeps SQL tables; name one with --platform (" + keeping + ")"
    }
    guard served.contains(name) else {
      return "no platform named '\(name)' is served (platforms: "
        + served.joined(separator: ", ") + "); " + keeping
    }
    return "platform '\(name)' keeps no SQL tables of an organization's own, so SQL cannot "
      + "run there; " + keeping
  }
}
