import Hummingbird
import LocalServerKit

/// `POST` and `DELETE /api/v1/database/tables`, `POST /api/v1/database/tables/connect`,
/// and the table list `GET /api/v1/database/manage`.
struct TableController: Sendable {
  /// Table operations.
  let tables: TableService

  struct TableResponse: Encodable, Sendable {
    var success: Bool
    var table: TableDescription
  }

  struct DeletedResponse: Encodable, Sendable {
    var success: Bool
    var tableName: String
  }

  /// Adds the routes to a group.
  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.on(path(HeHoRoutes.listTables), method: .get) { _, context in
      let organization = try context.requireOrganization()
      let list = try await tables.list(organization: organization)
      return JSONResponse.make(
        writing: JSONList(key: "tables", elements: list.map(\.description)))
    }
    group.on(path(HeHoRoutes.createTable), method: .post) { request, context in
      let organization = try context.requireOrganization()
      let body = try await RequestBodyDecoder.decode(
        CreateTableRequest.self, from: request, context: context)
      let table = try await tables.create(body, organization: organization)
      return try JSONResponse.make(
        TableResponse(success: true, table: table.description), status: .created)
    }
    group.on(path(HeHoRoutes.deleteTable), method: .delete) { request, context in
      let organization = try context.requireOrganization()
      let name = try await tableName(request, context)
      let deleted = try await tables.delete(name, organization: organization)
      return try JSONResponse.make(DeletedResponse(success: true, tableName: deleted))
    }
    group.on(path(HeHoRoutes.connectTable), method: .post) { request, context in
      let organization = try context.requireOrganization()
      let name = try await tableName(request, context)
      let table = try await tables.connect(name, organization: organization)
      return try JSONResponse.make(TableResponse(success: true, table: table.description))
    }
  }

  private func tableName(_ request: Request, _ context: LocalRequestContext) async throws
    -> String
  {
    let body = try await RequestBodyDecoder.decode(
      TableNameRequest.self, from: request, context: context)
    guard let name = body.tableName else {
      throw LocalAPIError.badRequest("tableName is required", field: "tableName")
    }
    return name
  }
}
