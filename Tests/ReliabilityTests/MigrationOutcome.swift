import HehoEngine
import Synchronization

/// What one migration scenario left, read from the platform and the commands' answers, never
/// from the scenario's own plan.
struct MigrationOutcome: Sendable {
  var seed: UInt64
  var problems: [String] = []
  /// The point an apply really stopped at (the stop fired and the apply failed saying so).
  var stoppedAt: String?
  /// Whether the plan after that stop showed the migration to resume and an apply then
  /// finished it.
  var resumedAfterStop = false
  /// Applies run before one succeeded.
  var applies = 0
  /// Faults the platform injected on each step of the migration (`backup`, `drop`, `create`,
  /// `restore`, `verify`), then per kind, from its metrics.
  var faults: [String: [String: Int]] = [:]
  /// Requests the platform received on each step.
  var requests: [String: Int] = [:]
}

/// The one stop of a scenario: fires at its checkpoint once, whichever apply gets there, and
/// remembers that it did.
final class MigrationStop: Sendable {
  private let fired = Mutex(false)
  let checkpoint: MigrationRun.Checkpoint

  init(_ checkpoint: MigrationRun.Checkpoint) { self.checkpoint = checkpoint }

  /// Whether to stop at `point`: only at the scenario's checkpoint, and only the first time.
  func shouldStop(at point: MigrationRun.Checkpoint) -> Bool {
    guard point == checkpoint else { return false }
    return fired.withLock { fired in
      defer { fired = true }
      return !fired
    }
  }

  /// Whether it has fired.
  var hasFired: Bool { fired.withLock { $0 } }
}
