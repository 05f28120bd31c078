/// A problem found in the manifests, with where it is and what would be right.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
    case note
  }

  /// How serious it is; any `error` makes the manifests invalid.
  public var severity: Severity
  /// Where it is; `nil` only for problems with no file (e.g. a missing directory).
  public var location: SourceLocation?
  /// What is wrong and what would be right, in one sentence.
  public var message: String

  /// Creates a diagnostic.
  public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  /// `file:line:col: error: message`, or `error: message` without a location.
  public var description: String {
    if let location { return "\(location): \(severity.rawValue): \(message)" }
    return "\(severity.rawValue): \(message)"
  }
}
