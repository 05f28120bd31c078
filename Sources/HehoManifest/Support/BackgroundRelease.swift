import Foundation
import Synchronization

/// Frees large values on a thread of their own, off the critical path.
///
/// Freeing ten thousand resources (their specs, locations and fields: hundreds of thousands of
/// small allocations) takes tens of milliseconds. Where a command is done with such a value but
/// still has work to do (render the plan, exit), handing the value to another thread lets a
/// spare core free it meanwhile. A process that exits before the thread finishes simply leaves
/// the rest to the operating system.
public enum BackgroundRelease {
  /// Frees `value` on a new thread. The caller must hold no other reference to it (pass it
  /// with `consume`), or the last release, and the freeing, happen wherever that one ends.
  public static func release<T: Sendable>(_ value: consuming T) {
    let parcel = Parcel(value)
    Thread {
      // Taken out under the lock, so the value's last reference ends on this thread even if
      // the caller drops the parcel later.
      let taken = parcel.take()
      _ = consume taken
    }.start()
  }

  /// One value, taken once.
  private final class Parcel<Value: Sendable>: Sendable {
    private let slot: Mutex<Value?>

    init(_ value: consuming Value) {
      slot = Mutex(Optional(value))
    }

    func take() -> Value? {
      slot.withLock { $0.take() }
    }
  }
}
