import Foundation
import Synchronization

/// Runs work on a thread of its own and waits for it at most a given time: a real bound that
/// a hang cannot escape, unlike a cooperative time limit that is checked only between awaits.
enum TimeBound {
  /// `body`'s result, or `nil` when it has not finished after `seconds` (its thread is then
  /// left to run; the caller reports the hang and stops).
  static func run<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
    let result = Mutex<T?>(nil)
    let finished = DispatchSemaphore(value: 0)
    let thread = Thread {
      let value = body()
      result.withLock { $0 = value }
      finished.signal()
    }
    // Deeply nested YAML recurses: give the loader the main thread's stack size.
    thread.stackSize = 8 << 20
    thread.start()
    guard finished.wait(timeout: .now() + seconds) == .success else { return nil }
    return result.withLock { $0 }
  }
}
