import Foundation
import GRDB
import Hummingbird
import LocalServerKit

/// Heppu's part of the local platform: voice and chat agents in the shared database, at the
/// seed's paths under `/api/v1/agents`.
package struct HeppuLocalModule: LocalPlatformModule {
  /// Creates the module.
  package init() {}

  package var platform: String { "heppu" }
  package var pathPrefix: String { HeppuRoutes.prefix }
  package var routes: [LocalRoute] { HeppuRoutes.all }

  /// The seed's error body: `{"success": false, "error": {"message": "...", "code": 404}}`.
  package func errorResponse(_ error: LocalAPIError) throws -> Response {
    try error.response(body: HeppuErrorBody(error))
  }

  package func registerMigrations(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("heppu-v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE heppu_agents (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            name TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL, model TEXT NOT NULL,
            instructions TEXT NOT NULL, config TEXT NOT NULL, tools TEXT NOT NULL,
            phone_numbers TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            deleted_at TEXT);
          CREATE INDEX heppu_agents_by_organization ON heppu_agents (organization_id, deleted_at);
          CREATE TABLE heppu_phone_numbers (
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            number TEXT NOT NULL,
            agent_id TEXT NOT NULL REFERENCES heppu_agents(id) ON DELETE CASCADE,
            PRIMARY KEY (organization_id, number));
          """)
    }
  }

  package func open(_ shared: LocalSharedServices) throws -> any LocalPlatformPart {
    HeppuLocalPart(shared: shared)
  }
}

/// Heppu's error body, as the seed gives it.
struct HeppuErrorBody: Encodable {
  struct Detail: Encodable {
    var message: String
    var code: Int
    /// The field at fault (contract addition).
    var field: String?
  }

  var success = false
  var error: Detail

  init(_ error: LocalAPIError) {
    self.error = Detail(message: error.message, code: error.status.code, field: error.field)
  }
}
