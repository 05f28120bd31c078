import Foundation
import GRDB
import Synchronization

/// The platform database: organizations, hashed API keys and chatbots.
///
/// Tables and rows live elsewhere, in one database per organization (`OrganizationDatabases`).
final class PlatformStore: Sendable {
  /// The connection pool (WAL).
  let pool: DatabasePool
  /// Organizations of keys seen so far, by key hash (keys are never revoked).
  private let knownKeys = Mutex<[String: Organization]>([:])

  /// Opens the platform database at `path`, creating and migrating it as needed.
  init(path: String) throws {
    pool = try SQLiteFile.open(path: path)
    try Self.migrator.migrate(pool)
  }

  static var migrator: DatabaseMigrator {
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
          CREATE TABLE chatbots (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            name TEXT NOT NULL, goal TEXT NOT NULL, description TEXT NOT NULL, model TEXT NOT NULL,
            tone TEXT NOT NULL, theme TEXT NOT NULL, data_tables TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (organization_id, name));
          """)
    }
    // The HeHo seed never says chatbot names are unique, so the platform accepts duplicates
    // (`LocalPlatformConfiguration.uniqueChatbotNames` turns the check back on, in code).
    // SQLite cannot drop a table constraint: the table is rebuilt without it.
    migrator.registerMigration("v2-chatbot-names-not-unique") { db in
      try db.execute(
        sql: """
          CREATE TABLE chatbots_v2 (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            name TEXT NOT NULL, goal TEXT NOT NULL, description TEXT NOT NULL, model TEXT NOT NULL,
            tone TEXT NOT NULL, theme TEXT NOT NULL, data_tables TEXT NOT NULL,
            created_at TEXT NOT NULL);
          INSERT INTO chatbots_v2 SELECT * FROM chatbots;
          DROP TABLE chatbots;
          ALTER TABLE chatbots_v2 RENAME TO chatbots;
          CREATE INDEX chatbots_by_name ON chatbots (organization_id, name);
          """)
    }
    return migrator
  }

  /// The organization a key belongs to; `nil` for an unknown key.
  func organization(forKey key: String) async throws -> Organization? {
    let hash = APIKey.hash(key)
    if let known = knownKeys.withLock({ $0[hash] }) { return known }
    let found = try await pool.read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT o.id, o.name FROM api_keys k JOIN organizations o ON o.id = k.organization_id
          WHERE k.key_hash = ?
          """, arguments: [hash]
      ).map { Organization(id: $0["id"], name: $0["name"]) }
    }
    if let found { knownKeys.withLock { $0[hash] = found } }
    return found
  }

  /// The organization with this name; `nil` when there is none.
  func organization(named name: String) async throws -> Organization? {
    try await pool.read { db in
      try Row.fetchOne(
        db, sql: "SELECT id, name FROM organizations WHERE name = ?", arguments: [name]
      )
      .map { Organization(id: $0["id"], name: $0["name"]) }
    }
  }

  /// Adds `key` to the organization `name`, creating the organization when it does not exist.
  ///
  /// - Returns: The organization, and whether this call created it.
  func addKey(_ key: String, toOrganization name: String) async throws -> (Organization, Bool) {
    let hash = APIKey.hash(key)
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
      try db.execute(
        sql:
          "INSERT OR IGNORE INTO api_keys (key_hash, organization_id, created_at) VALUES (?, ?, ?)",
        arguments: [hash, organization.id, SQLiteFile.now()])
      return (organization, created)
    }
  }
}
