import Synchronization

/// The keys one command run has resolved, for every platform: whatever the console prints
/// passes through them, so no platform's key reaches the output, even in a message another
/// platform (or a server echoing headers) wrote.
public final class Secrets: Sendable {
  private let values = Mutex<[String]>([])

  /// The secrets of the current command run (a task-local value; `runInProcess` sets a fresh
  /// one for each run).
  @TaskLocal public static var current = Secrets()

  /// Creates an empty set.
  public init() {}

  /// Adds a secret; values shorter than 4 characters are not secrets worth hiding (and would
  /// garble the output).
  public func add(_ secret: String) {
    guard secret.count >= 4 else { return }
    values.withLock { if !$0.contains(secret) { $0.append(secret) } }
  }

  /// `text` with every secret replaced by `[redacted]`.
  public func redact(_ text: String) -> String {
    let secrets = values.withLock { $0 }
    return secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "[redacted]") }
  }
}

extension Console {
  /// This console with everything it prints passed through `secrets`.
  func redacting(_ secrets: Secrets) -> Console {
    let out = self.out
    let err = self.err
    return Console(
      out: { out(secrets.redact($0)) }, err: { err(secrets.redact($0)) }, isTerminal: isTerminal,
      useColor: useColor, readLine: readLine)
  }
}
