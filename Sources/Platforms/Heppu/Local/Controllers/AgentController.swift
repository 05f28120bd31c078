import Foundation
import HeppuProvider
import Hummingbird
import LocalServerKit

/// The seed's five agent endpoints.
struct AgentController: Sendable {
  let agents: AgentStore

  /// `{"success": true, "data": …}` (contract: the seed shows only the failure shape). Lists
  /// are `AgentPage`s.
  struct Envelope<Data: Encodable & Sendable>: Encodable, Sendable {
    var success = true
    var data: Data
  }

  struct Deleted: Encodable, Sendable {
    var id: String
    var deleted: Bool
  }

  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.on(path(HeppuRoutes.list), method: .get) { request, context in
      let organization = try context.requireOrganization()
      let query = try Self.query { request.uri.queryParameters.get($0) }
      let (page, total) = try await agents.list(query, organization: organization)
      return JSONResponse.make(
        writing: AgentPage(agents: page, page: query.page, limit: query.limit, total: total))
    }
    group.on(path(HeppuRoutes.create), method: .post) { request, context in
      let organization = try context.requireOrganization()
      let fields = try await RequestBodyDecoder.object(from: request, context: context)
      guard case .string(let type)? = fields["type"], AgentCatalog.types.contains(type) else {
        throw LocalAPIError.badRequest("type is required: voice or chat", field: "type")
      }
      var agent = Agent.new(type: type, now: SQLiteFile.now())
      try agent.apply(fields, creating: true)
      try await agents.save(agent, organization: organization, creating: true)
      return try JSONResponse.make(Envelope(data: agent), status: .created)
    }
    group.on(path(HeppuRoutes.get), method: .get) { _, context in
      let organization = try context.requireOrganization()
      return try JSONResponse.make(Envelope(data: try await find(context, organization)))
    }
    group.on(path(HeppuRoutes.update), method: .patch) { request, context in
      let organization = try context.requireOrganization()
      let fields = try await RequestBodyDecoder.object(from: request, context: context)
      var agent = try await find(context, organization)
      try agent.apply(fields, creating: false)
      agent.updatedAt = SQLiteFile.now()
      try await agents.save(agent, organization: organization, creating: false)
      return try JSONResponse.make(Envelope(data: agent))
    }
    group.on(path(HeppuRoutes.delete), method: .delete) { _, context in
      let organization = try context.requireOrganization()
      let id = try context.parameters.require("id")
      guard try await agents.softDelete(id: id, organization: organization, at: SQLiteFile.now())
      else { throw Self.notFound }
      return try JSONResponse.make(Envelope(data: Deleted(id: id, deleted: true)))
    }
  }

  /// The live agent the path names, or the seed's 404.
  func find(_ context: LocalRequestContext, _ organization: Organization) async throws -> Agent {
    let id = try context.parameters.require("id")
    guard let agent = try await agents.find(id: id, organization: organization) else {
      throw Self.notFound
    }
    return agent
  }

  /// The seed's own example error.
  static let notFound = LocalAPIError.notFound("Agent not found")

  /// The list's filters and page from the query, each checked.
  static func query(_ parameter: (String) -> String?) throws -> AgentQuery {
    var query = AgentQuery()
    if let type = parameter("type") {
      guard AgentCatalog.types.contains(type) else {
        throw LocalAPIError.badRequest("type must be voice or chat", field: "type")
      }
      query.type = type
    }
    if let status = parameter("status") {
      guard AgentCatalog.statuses.contains(status) else {
        throw LocalAPIError.badRequest(
          "status must be one of \(AgentCatalog.statuses.joined(separator: ", "))",
          field: "status")
      }
      query.status = status
    }
    if let search = parameter("search"), !search.isEmpty { query.search = search }
    if let text = parameter("page") {
      guard let page = Int(text), page >= 1 else {
        throw LocalAPIError.badRequest("page must be a whole number from 1", field: "page")
      }
      query.page = page
    }
    if let text = parameter("limit") {
      guard let limit = Int(text), (1...100).contains(limit) else {
        throw LocalAPIError.badRequest("limit must be a whole number from 1 to 100", field: "limit")
      }
      query.limit = limit
    }
    return query
  }
}
