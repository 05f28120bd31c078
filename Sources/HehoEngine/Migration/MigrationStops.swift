/// A switch for the reliability tests only: it stops a migration at a checkpoint, as a crash
/// there would (nothing after it runs; the backup and the journal stay), so that the tests can
/// show that the next plan and apply finish it without losing a row.
///
/// It is a task-local value, so it holds only inside `withValue` in the test that sets it, and
/// no flag, variable or file can turn it on in a real run.
@_spi(FaultTesting)
public enum MigrationStops {
  /// Asked at each checkpoint of every migration; `true` stops the migration there.
  @TaskLocal public static var stop: (@Sendable (MigrationRun.Checkpoint) -> Bool)? = nil

  /// Breaks a migration on purpose: the restore leaves out the backed-up record at this
  /// position, and its verify does not look for it, so the migration reports success with a
  /// record lost. It exists so that the reliability harness can show it catches such a loss.
  @TaskLocal public static var skipRecord: Int? = nil
}
