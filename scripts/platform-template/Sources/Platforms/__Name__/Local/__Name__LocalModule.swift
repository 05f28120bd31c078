import GRDB
import Hummingbird
import LocalServerKit

/// __Name__'s part of the local platform: gadgets in the shared database, at the API's paths
/// under `/v1/gadgets`.
package struct __Name__LocalModule: LocalPlatformModule {
  /// Creates the module.
  package init() {}

  package var platform: String { "__name__" }
  package var pathPrefix: String { GadgetController.prefix }
  package var routes: [LocalRoute] { GadgetController.routes }

  /// `{"error": {"message": "...", "code": 404}}`.
  package func errorResponse(_ error: LocalAPIError) throws -> Response {
    try error.response(body: __Name__ErrorBody(error))
  }

  package func registerMigrations(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("__name__-v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE __name___gadgets (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            name TEXT NOT NULL, color TEXT NOT NULL, enabled INTEGER NOT NULL);
          """)
    }
  }

  package func open(_ shared: LocalSharedServices) throws -> any LocalPlatformPart {
    __Name__LocalPart(store: shared.store)
  }
}

/// __Name__'s error body.
struct __Name__ErrorBody: Encodable {
  struct Detail: Encodable {
    var message: String
    var code: Int
  }

  var error: Detail

  init(_ error: LocalAPIError) {
    self.error = Detail(message: error.message, code: error.status.code)
  }
}

/// __Name__'s open store and its routes.
struct __Name__LocalPart: LocalPlatformPart {
  let store: PlatformStore

  /// `x-api-key: KEY`.
  var credentials: LocalCredentials {
    LocalCredentials(keyName: "__NAME___API_KEY", keyHeader: "x-api-key")
  }

  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    GadgetController(pool: store.pool).addRoutes(to: group)
  }

  func close() throws {}
}
