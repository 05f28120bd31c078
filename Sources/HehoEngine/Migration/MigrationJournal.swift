import HehoManifest

/// The record of a copy-migration in progress, kept on disk from the backup to the verify, so
/// that an apply stopped anywhere (a fault, a crash, SIGKILL) is found by the next plan and
/// finished by the next apply.
public struct MigrationJournal: Sendable, Hashable, Codable {
  /// The last step done.
  public enum Phase: String, Sendable, Hashable, Codable {
    /// Every record is in the backup; the resource is not dropped yet.
    case backedUp = "backed-up"
    /// The resource is dropped.
    case dropped
    /// The resource is created anew; records are being restored.
    case created
  }

  /// The resource migrated (`table/products`).
  public var address: ResourceAddress
  /// Its platform (`heho`).
  public var platform: String
  /// The backup file, relative to the project.
  public var backup: String
  /// The records in the backup.
  public var records: Int
  /// The last step done.
  public var phase: Phase
  /// When the migration started (ISO 8601, UTC).
  public var started: String
  /// What creates the resource anew.
  public var payload: [String: Value]
  /// What is carried over.
  public var migration: MigrationPlan

  /// Creates a journal.
  public init(
    address: ResourceAddress, platform: String, backup: String, records: Int, phase: Phase,
    started: String, payload: [String: Value], migration: MigrationPlan
  ) {
    self.address = address
    self.platform = platform
    self.backup = backup
    self.records = records
    self.phase = phase
    self.started = started
    self.payload = payload
    self.migration = migration
  }
}
