import Foundation

/// Counts requests sent, by reads and writes; shared by the tasks of one client.
public final class RequestCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var readCount = 0
  private var writeCount = 0

  /// Creates a counter at zero.
  public init() {}

  /// Counts one request.
  public func record(write: Bool) {
    lock.lock()
    defer { lock.unlock() }
    if write { writeCount += 1 } else { readCount += 1 }
  }

  /// Read requests sent so far.
  public var reads: Int {
    lock.lock()
    defer { lock.unlock() }
    return readCount
  }

  /// Write requests sent so far.
  public var writes: Int {
    lock.lock()
    defer { lock.unlock() }
    return writeCount
  }
}
