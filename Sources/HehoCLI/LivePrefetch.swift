import HehoEngine
import Synchronization

/// Live-state reads started while the manifests load, one per platform.
final class LivePrefetch: Sendable {
  private let tasks = Mutex<[String: Task<LiveState, any Error>]>([:])

  /// Starts reading `name`'s live state, unless it is already being read.
  func start(_ name: String, _ read: @escaping @Sendable () async throws -> LiveState) {
    tasks.withLock { tasks in
      if tasks[name] == nil { tasks[name] = Task { try await read() } }
    }
  }

  /// The read of `name`, handed over to the caller (no longer cancelled here).
  func take(_ name: String) -> Task<LiveState, any Error>? {
    tasks.withLock { $0.removeValue(forKey: name) }
  }

  /// Cancels every read not taken. (The embedded server stops gracefully, answering what is
  /// in flight, so nothing waits for them here.)
  func cancelAll() {
    let pending = tasks.withLock { tasks in
      defer { tasks = [:] }
      return Array(tasks.values)
    }
    for task in pending { task.cancel() }
  }
}
