import Hummingbird
import LocalServerKit

/// `POST /api/v1/database/manage`: read, add, edit and delete rows.
struct RowController: Sendable {
  /// Row operations.
  let rows: RowService

  struct ReadResponse: Encodable, Sendable {
    var data: [OrderedJSONObject]
    var count: Int
  }

  struct RowResponse: Encodable, Sendable {
    var success: Bool
    var data: OrderedJSONObject
  }

  struct DeletedResponse: Encodable, Sendable {
    var success: Bool
    var id: JSONValue
  }

  /// Adds the route to a group.
  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.on(path(HeHoRoutes.manageRows), method: .post) { request, context in
      try await manage(request, context)
    }
  }

  private func manage(_ request: Request, _ context: LocalRequestContext) async throws -> Response {
    let organization = try context.requireOrganization()
    let body = try await RequestBodyDecoder.decode(
      ManageRowsRequest.self, from: request, context: context)
    guard let action = body.action else {
      throw LocalAPIError.badRequest(
        "action is required: one of read, add, edit, delete", field: "action")
    }
    guard let table = body.tableName else {
      throw LocalAPIError.badRequest("tableName is required", field: "tableName")
    }
    switch action {
    case "read":
      let found = try await rows.read(
        table: table, query: body.query ?? [:], organization: organization)
      return try JSONResponse.make(ReadResponse(data: found, count: found.count))
    case "add":
      let data = try requireData(body, action)
      let row = try await rows.add(table: table, data: data, organization: organization)
      return try JSONResponse.make(RowResponse(success: true, data: row), status: .created)
    case "edit":
      let id = try requireID(body, action)
      let data = try requireData(body, action)
      let row = try await rows.edit(table: table, id: id, data: data, organization: organization)
      return try JSONResponse.make(RowResponse(success: true, data: row))
    case "delete":
      let id = try requireID(body, action)
      try await rows.delete(table: table, id: id, organization: organization)
      return try JSONResponse.make(DeletedResponse(success: true, id: id))
    default:
      throw LocalAPIError.badRequest(
        "action must be one of read, add, edit, delete (got '\(SQLIdentifier.printable(action))')",
        field: "action")
    }
  }

  private func requireData(_ body: ManageRowsRequest, _ action: String) throws
    -> [String: JSONValue]
  {
    guard let data = body.data, !data.isEmpty else {
      throw LocalAPIError.badRequest(
        "data is required for \(action): an object of column values", field: "data")
    }
    return data
  }

  private func requireID(_ body: ManageRowsRequest, _ action: String) throws -> JSONValue {
    guard let id = body.id, id != .null else {
      throw LocalAPIError.badRequest(
        "id is required for \(action): the row's primary-key value", field: "id")
    }
    return id
  }
}
