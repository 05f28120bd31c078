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

  public var description: String {
    switch self {
    case .unknownOrganization(let name):
      "no organization named '\(name)'; create it with 'heho local keys create --org \(name)'"
    case .invalidOrganizationName(let name):
      "organization name '\(name)' must be 1 to 100 characters, without control characters"
    case .sqlFailed(let message): "SQL failed: \(message)"
    case .invalidTable(let message): message
    case .startFailed(let message): "the local platform could not start: \(message)"
    }
  }
}
