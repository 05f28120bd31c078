import Foundation
import GRDB
import Synchronization

/// The shared database: organizations and hashed API keys, and the tables of each platform's
/// module (migrated by the module).
package final class PlatformStore: Sendable {
  /// The connection pool (WAL).
  package let pool: DatabasePool
  /// Organizations of keys seen so far, by key hash (keys are never revoked).
  private let knownKeys = Mutex<[String: KnownKey]>([:])

  /// Opens the shared database at `path`, creating and migrating it for `modules` as needed.
  ///
  /// - Throws: `DatabaseFolderError` when the file is missing but organization files that
  ///   belong to it remain (a fresh file would leave them unread).
  package init(path: String, modules: [any LocalPlatformModule]) throws {
    try DatabaseFolder.checkMainFile(path)
    pool = try SQLiteFile.open(path: path)
    try Self.migrator(modules: modules).migrate(pool)
  }

  /// The shared migrations, then each module's.
  ///
  /// The first two identifiers predate the split into modules and created HeHo's chatbots
  /// table too; they stay, so that databases made then keep migrating. Since then a new
  /// database gets organizations and keys here, and each platform's tables from its module.
  package static func migrator(modules: [any LocalPlatformModule]) -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE organizations (
            id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
          CREATE TABLE api_keys (
            key_hash TEXT PRIMARY KEY NOT NULL,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL);
          """)
    }
    // A key valid on some platforms only: their names, comma-separated; NULL means every one.
    migrator.registerMigration("keys-v2-platforms") { db in
      try db.execute(sql: "ALTER TABLE api_keys ADD COLUMN platforms TEXT")
    }
    for module in modules { module.registerMigrations(in: &migrator) }
    return migrator
  }

  /// The organization a key belongs to, when the key is valid on `platform`; `nil` otherwise.
  package func organization(forKey key: String, platform: String) async throws -> Organization? {
    let hash = APIKey.hash(key)
    if let known = knownKeys.withLock({ $0[hash] }) {
      return known.platforms.map { $0.contains(platform) } ?? true ? known.organization : nil
    }
    let found = try await pool.read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT o.id, o.name, k.platforms FROM api_keys k
          JOIN organizations o ON o.id = k.organization_id WHERE k.key_hash = ?
          """, arguments: [hash]
      ).map { row in
        KnownKey(
          organization: Organization(id: row["id"], name: row["name"]),
          platforms: (row["platforms"] as String?).map(Self.platforms(stored:)))
      }
    }
    guard let found else { return nil }
    knownKeys.withLock { $0[hash] = found }
    return found.platforms.map { $0.contains(platform) } ?? true ? found.organization : nil
  }

  /// The organization with this name; `nil` when there is none.
  package func organization(named name: String) async throws -> Organization? {
    try await pool.read { db in
      try Row.fetchOne(
        db, sql: "SELECT id, name FROM organizations WHERE name = ?", arguments: [name]
      )
      .map { Organization(id: $0["id"], name: $0["name"]) }
    }
  }

  /// Adds `key` to the organization `name`, creating the organization when it does not exist.
  ///
  /// - Parameter platforms: The platforms the key is valid on; `nil` for every one.
  /// - Returns: The organization, and whether this call created it.
  package func addKey(
    _ key: String, toOrganization name: String, platforms: [String]? = nil
  ) async throws -> (Organization, Bool) {
    let hash = APIKey.hash(key)
    let scope = platforms.map { $0.sorted().joined(separator: ",") }
    knownKeys.withLock { _ = $0.removeValue(forKey: hash) }
    return try await pool.write { db in
      var created = false
      var organization = try Row.fetchOne(
        db, sql: "SELECT id, name FROM organizations WHERE name = ?", arguments: [name]
      ).map { Organization(id: $0["id"], name: $0["name"]) }
      if organization == nil {
        let new = Organization(id: UUID().uuidString.lowercased(), name: name)
        try db.execute(
          sql: "INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)",
          arguments: [new.id, new.name, SQLiteFile.now()])
        organization = new
        created = true
      }
      guard let organization else { throw LocalAPIError.internalError("organization not stored") }
      // A key given again for the same organization takes the new scope; a key of another
      // organization is left as it is (the caller checks whose it is).
      try db.execute(
        sql: """
          INSERT INTO api_keys (key_hash, organization_id, created_at, platforms)
          VALUES (?, ?, ?, ?)
          ON CONFLICT (key_hash) DO UPDATE SET platforms = excluded.platforms
          WHERE organization_id = excluded.organization_id
          """,
        arguments: [hash, organization.id, SQLiteFile.now(), scope])
      return (organization, created)
    }
  }

  /// The organization with this name; a `LocalPlatformError` when there is none.
  package func requireOrganization(named name: String) async throws -> Organization {
    guard let organization = try await organization(named: name) else {
      throw LocalPlatformError.unknownOrganization(name)
    }
    return organization
  }

  private static func platforms(stored: String) -> Set<String> {
    Set(stored.split(separator: ",").map(String.init))
  }

  /// A key seen before: its organization and, when limited, its platforms.
  private struct KnownKey: Sendable {
    var organization: Organization
    var platforms: Set<String>?
  }
}
