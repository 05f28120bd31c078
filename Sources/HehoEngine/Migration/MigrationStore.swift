import HehoManifest

/// Where migrations keep their backups and journals (`.heho/` in the project): a seam, so that
/// tests can keep them in memory.
public protocol MigrationStore: Sendable {
  /// The journals of migrations that have not finished.
  func journals() throws -> [MigrationJournal]
  /// Writes the first journal of a migration, durably; fails, writing nothing, when its
  /// resource already has one (another apply's), so that two applies never migrate one
  /// resource at once.
  func start(_ journal: MigrationJournal) throws
  /// Writes (or replaces) `journal`, durably, before the step it records is taken further.
  func write(_ journal: MigrationJournal) throws
  /// Removes the journal of a finished migration; its backup is kept.
  func close(_ journal: MigrationJournal) throws
  /// Writes `records` (one JSON object per line) to a new backup of `address`, durably, and
  /// returns its path relative to the project.
  func backup(_ records: [[String: Value]], of address: ResourceAddress) throws -> String
  /// The records of the backup at `path`.
  func records(inBackup path: String) throws -> [[String: Value]]
}

/// A migration's backup or journal could not be written or read.
public struct MigrationStoreError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What failed, where, and what would be right.
  public var message: String

  /// Creates an error.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
