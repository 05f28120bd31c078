import Synchronization

/// Collects console output from concurrent writers, a line at a time.
public final class OutputCapture: Sendable {
  private let texts = Mutex<(out: String, err: String)>(("", ""))

  /// Creates an empty capture.
  public init() {}

  /// Appends a line to standard output.
  public func out(_ text: String) { texts.withLock { $0.out += text + "\n" } }

  /// Appends a line to standard error.
  public func err(_ text: String) { texts.withLock { $0.err += text + "\n" } }

  /// What was written so far.
  public var captured: (out: String, err: String) { texts.withLock { $0 } }
}
