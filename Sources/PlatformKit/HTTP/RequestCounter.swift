import Synchronization

/// Counts the read requests a client sends (plans report them); shared by the tasks of one
/// client.
public final class RequestCounter: Sendable {
  private let readCount = Mutex(0)

  /// Creates a counter at zero.
  public init() {}

  /// Counts one request; only reads are counted.
  public func record(write: Bool) {
    if !write { readCount.withLock { $0 += 1 } }
  }

  /// Read requests sent so far.
  public var reads: Int { readCount.withLock { $0 } }
}
