import Foundation
import GRDB
import Synchronization

/// One SQLite database per organization, holding its tables, rows and table catalog.
///
/// Organizations are kept apart by files: `DIRECTORY/ORGANIZATION_ID.sqlite`. The catalog
/// (`_heho_tables`, `_heho_columns`) sits in the same file as the tables it describes, so a
/// table and its catalog entry change in one transaction.
final class OrganizationDatabases: Sendable {
  /// The directory of the organization files.
  let directory: String
  private let pools = Mutex<[String: DatabasePool]>([:])

  /// Creates the registry for a directory (created on first use).
  init(directory: String) {
    self.directory = directory
  }

  /// The directory used for a platform database at `platformPath`.
  static func directory(forPlatformDatabase platformPath: String) -> String {
    platformPath + "-orgs"
  }

  /// The database file of an organization.
  func path(for organization: Organization) -> String {
    directory + "/" + organization.id + ".sqlite"
  }

  /// The organization's database, opened (and migrated) on first use.
  func pool(for organization: Organization) throws -> DatabasePool {
    try pools.withLock { pools in
      if let pool = pools[organization.id] { return pool }
      let pool = try SQLiteFile.open(path: path(for: organization))
      try Self.migrator.migrate(pool)
      pools[organization.id] = pool
      return pool
    }
  }

  /// Closes every open organization database.
  func closeAll() throws {
    let open = pools.withLock { pools in
      let values = Array(pools.values)
      pools.removeAll()
      return values
    }
    for pool in open { try pool.close() }
  }

  private static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("catalog-v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE _heho_tables (
            name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
            created_by_platform INTEGER NOT NULL, has_rowid INTEGER NOT NULL,
            created_at TEXT NOT NULL);
          CREATE TABLE _heho_columns (
            table_name TEXT NOT NULL COLLATE NOCASE
              REFERENCES _heho_tables(name) ON DELETE CASCADE,
            position INTEGER NOT NULL, name TEXT NOT NULL, declared_type TEXT NOT NULL,
            primary_key INTEGER NOT NULL, not_null INTEGER NOT NULL, default_value TEXT,
            PRIMARY KEY (table_name, position));
          """)
    }
    return migrator
  }
}
