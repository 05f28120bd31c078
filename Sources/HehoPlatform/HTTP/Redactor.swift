import Foundation

/// Removes a secret from any text that could reach output, logs, plan files or errors.
public struct Redactor: Sendable {
  let secrets: [String]

  /// Creates a redactor for `secrets` (empty ones are ignored).
  public init(secrets: [String]) {
    self.secrets = secrets.filter { $0.count >= 4 }
  }

  /// `text` with every secret replaced by `[redacted]`.
  public func redact(_ text: String) -> String {
    secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "[redacted]") }
  }
}
