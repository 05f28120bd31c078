import GRDB
import Hummingbird
import LocalServerKit

/// HeHo's part of the local platform: chatbots in the shared database, each organization's
/// tables and rows in a file of its own, at the seed's paths under `/api`.
package struct HeHoLocalModule: LocalPlatformModule {
  /// Creates the module.
  package init() {}

  package var platform: String { "heho" }
  package var pathPrefix: String { HeHoRoutes.prefix }
  package var routes: [LocalRoute] { HeHoRoutes.all }

  /// `{"error": "...", "field": "..."}`, the shape `docs/heho-api-contract.md` gives.
  package func errorResponse(_ error: LocalAPIError) throws -> Response {
    try error.response()
  }

  package func registerMigrations(in migrator: inout DatabaseMigrator) {
    // Databases made before the split into modules got this table from the shared "v1".
    migrator.registerMigration("heho-chatbots-v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE IF NOT EXISTS chatbots (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            name TEXT NOT NULL, goal TEXT NOT NULL, description TEXT NOT NULL, model TEXT NOT NULL,
            tone TEXT NOT NULL, theme TEXT NOT NULL, data_tables TEXT NOT NULL,
            created_at TEXT NOT NULL);
          """)
    }
    // The HeHo seed never says chatbot names are unique, so the platform accepts duplicates
    // (`LocalPlatformConfiguration.uniqueNames` turns the check back on, in code). The first
    // schema had a UNIQUE constraint, which SQLite cannot drop: the table is rebuilt without.
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
  }

  package func open(_ shared: LocalSharedServices) throws -> any LocalPlatformPart {
    HeHoLocalPart(shared)
  }

  /// The migrations of an organization's own database: the table catalog.
  static var organizationMigrator: DatabaseMigrator {
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
