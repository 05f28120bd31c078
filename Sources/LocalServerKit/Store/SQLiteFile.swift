import Foundation
import GRDB

/// Opens SQLite files the way the local platform needs them: WAL with NORMAL sync, foreign keys,
/// a busy timeout.
package enum SQLiteFile {
  /// Opens (creating if needed) a database file and its parent directory.
  package static func open(path: String) throws -> DatabasePool {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(10)
    configuration.label = "heho-local"
    // In WAL mode NORMAL never corrupts the database and keeps every commit across a crash of
    // the process; only a power cut may undo the latest commits. Syncing on every commit
    // (FULL) made each write cost a disk flush and capped the local platform's write rate.
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
    return try DatabasePool(path: path, configuration: configuration)
  }

  /// Whether an error is a failed UNIQUE or PRIMARY KEY constraint.
  package static func isUniqueViolation(_ error: any Error) -> Bool {
    guard let error = error as? DatabaseError else { return false }
    return error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
      || error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
  }

  /// The current time as ISO 8601 UTC with seconds (`2026-11-21T23:00:00Z`).
  package static func now() -> String {
    Date().formatted(.iso8601)
  }
}
