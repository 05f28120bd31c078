import Foundation
import GRDB
import Synchronization

/// One SQLite database per organization, for a platform that keeps each organization's data in
/// a file of its own (HeHo's tables and rows).
///
/// Organizations are kept apart by files: `DIRECTORY/ORGANIZATION_ID.sqlite`, each migrated by
/// the platform's migrator when first opened.
package final class OrganizationDatabases: Sendable {
  /// The directory of the organization files.
  package let directory: String
  private let migrator: DatabaseMigrator
  private let pools = Mutex<[String: DatabasePool]>([:])

  /// Creates the registry for a directory (created on first use).
  package init(directory: String, migrator: DatabaseMigrator) {
    self.directory = directory
    self.migrator = migrator
  }

  /// The directory `PATH-SUFFIX` beside the shared database at `path` (`local.sqlite-orgs`).
  package static func directory(besideSharedDatabase path: String, suffix: String) -> String {
    path + "-" + suffix
  }

  /// The database file of an organization.
  package func path(for organization: Organization) -> String {
    directory + "/" + organization.id + ".sqlite"
  }

  /// The organization's database, opened (and migrated) on first use.
  package func pool(for organization: Organization) throws -> DatabasePool {
    try pools.withLock { pools in
      if let pool = pools[organization.id] { return pool }
      let pool = try SQLiteFile.open(path: path(for: organization))
      try migrator.migrate(pool)
      pools[organization.id] = pool
      return pool
    }
  }

  /// Closes every open organization database.
  package func closeAll() throws {
    let open = pools.withLock { pools in
      let values = Array(pools.values)
      pools.removeAll()
      return values
    }
    for pool in open { try pool.close() }
  }
}
