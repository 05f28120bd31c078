import GRDB
import Hummingbird

@testable import LocalServerKit

/// A platform defined only in the tests, served beside HeHo: one table in the shared database,
/// a key header of its own, a route with a parameter, and its own error body
/// (`{"success": false, "error": {"message": ..., "code": ...}}`).
struct ToyLocalModule: LocalPlatformModule {
  var platform: String { "toy" }
  var pathPrefix: String { "/api/v1/toys" }
  var routes: [LocalRoute] {
    [
      LocalRoute(method: "GET", path: "/api/v1/toys"),
      LocalRoute(method: "POST", path: "/api/v1/toys"),
      LocalRoute(method: "GET", path: "/api/v1/toys/:id"),
    ]
  }

  struct ErrorBody: Encodable {
    struct Detail: Encodable {
      var message: String
      var code: Int
    }
    var success = false
    var error: Detail
  }

  func errorResponse(_ error: LocalAPIError) throws -> Response {
    try error.response(
      body: ErrorBody(error: .init(message: error.message, code: Int(error.status.code))))
  }

  func registerMigrations(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("toy-v1") { db in
      try db.execute(
        sql: "CREATE TABLE toys (id INTEGER PRIMARY KEY, organization_id TEXT, name TEXT)")
    }
  }

  func open(_ shared: LocalSharedServices) throws -> any LocalPlatformPart {
    ToyPart(store: shared.store)
  }

  struct Toy: Codable {
    var id: Int64?
    var name: String
  }

  struct ToyPart: LocalPlatformPart {
    let store: PlatformStore

    var credentials: LocalCredentials {
      LocalCredentials(keyName: "TOY_KEY", keyHeader: "x-api-key")
    }

    func addRoutes(to group: RouterGroup<LocalRequestContext>) {
      group.post { request, context in
        let organization = try context.requireOrganization()
        let toy = try await RequestBodyDecoder.decode(Toy.self, from: request, context: context)
        let id = try await store.pool.write { db in
          try db.execute(
            sql: "INSERT INTO toys (organization_id, name) VALUES (?, ?)",
            arguments: [organization.id, toy.name])
          return db.lastInsertedRowID
        }
        return try JSONResponse.make(Toy(id: id, name: toy.name), status: .created)
      }
      group.get { _, context in
        let organization = try context.requireOrganization()
        let names = try await store.pool.read { db in
          try String.fetchAll(
            db, sql: "SELECT name FROM toys WHERE organization_id = ? ORDER BY id",
            arguments: [organization.id])
        }
        return try JSONResponse.make(["toys": names])
      }
      group.get(":id") { _, context -> Response in
        let id = try context.parameters.require("id")
        throw LocalAPIError.notFound("no toy \(id)")
      }
    }

    func close() throws {}
  }
}
