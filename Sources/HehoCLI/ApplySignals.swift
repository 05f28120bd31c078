import Foundation
import HehoEngine
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Signals while an apply writes: the first SIGINT or SIGTERM requests a gentle stop (no new
/// operation starts, those in flight finish, the summary is printed, exit 130); a second one
/// exits at once.
struct ApplySignals {
  /// Counts signals; shared with the handlers.
  private final class Count: Sendable {
    let value = Mutex(0)
  }

  private let sources: [any DispatchSourceSignal]

  /// Starts handling SIGINT and SIGTERM for `interrupt`, telling the user on `console`.
  init(interrupt: ApplyInterrupt, console: Console) {
    let count = Count()
    sources = [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        let seen = count.value.withLock { value -> Int in
          value += 1
          return value
        }
        if seen == 1 {
          console.err(
            "Interrupted: no new operation starts; waiting for those in flight to finish. "
              + "Interrupt again to stop at once (what is in flight may then be left half-done).")
          interrupt.request()
        } else {
          console.err("Interrupted again: stopping at once.")
          exit(130)
        }
      }
      source.resume()
      return source
    }
  }

  /// Stops handling the signals; they end the process again as usual.
  func stop() {
    for source in sources { source.cancel() }
    signal(SIGINT, SIG_DFL)
    signal(SIGTERM, SIG_DFL)
  }
}
