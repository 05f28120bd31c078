import GRDB
import Hummingbird
import LocalServerKit

/// The gadget endpoints: list, create, update (changed fields only) and delete, each within
/// the caller's organization.
struct GadgetController: Sendable {
  static let prefix = "/v1/gadgets"
  static let list = LocalRoute(method: "GET", path: "/v1/gadgets")
  static let create = LocalRoute(method: "POST", path: "/v1/gadgets")
  static let update = LocalRoute(method: "PATCH", path: "/v1/gadgets/:id")
  static let delete = LocalRoute(method: "DELETE", path: "/v1/gadgets/:id")
  static let routes = [list, create, update, delete]

  struct Gadget: Codable, Sendable, FetchableRecord {
    var id: String
    var name: String
    var color: String
    var enabled: Bool
  }

  struct Changes: Decodable, Sendable {
    var name: String?
    var color: String?
    var enabled: Bool?
  }

  let pool: DatabasePool

  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.on(Self.list.routerPath(under: Self.prefix), method: .get) { _, context in
      let organization = try context.requireOrganization()
      let gadgets = try await pool.read { db in
        try Gadget.fetchAll(
          db,
          sql: "SELECT id, name, color, enabled FROM __name___gadgets "
            + "WHERE organization_id = ? ORDER BY seq", arguments: [organization.id])
      }
      return try JSONResponse.make(["gadgets": gadgets])
    }
    group.on(Self.create.routerPath(under: Self.prefix), method: .post) { request, context in
      let organization = try context.requireOrganization()
      let body = try await RequestBodyDecoder.decode(Changes.self, from: request, context: context)
      guard let name = body.name, !name.isEmpty else {
        throw LocalAPIError.badRequest("name is required", field: "name")
      }
      let gadget = Gadget(
        id: LocalID.make("g_"), name: name, color: try Self.color(body.color ?? ""),
        enabled: body.enabled ?? true)
      try await pool.write { db in
        try db.execute(
          sql: "INSERT INTO __name___gadgets (id, organization_id, name, color, enabled) "
            + "VALUES (?, ?, ?, ?, ?)",
          arguments: [gadget.id, organization.id, gadget.name, gadget.color, gadget.enabled])
      }
      return try JSONResponse.make(gadget, status: .created)
    }
    group.on(Self.update.routerPath(under: Self.prefix), method: .patch) { request, context in
      let organization = try context.requireOrganization()
      let id = try context.parameters.require("id")
      let body = try await RequestBodyDecoder.decode(Changes.self, from: request, context: context)
      let color = try body.color.map(Self.color)
      let gadget = try await pool.write { db -> Gadget? in
        guard
          var gadget = try Gadget.fetchOne(
            db,
            sql: "SELECT id, name, color, enabled FROM __name___gadgets "
              + "WHERE organization_id = ? AND id = ?", arguments: [organization.id, id])
        else { return nil }
        gadget.name = body.name ?? gadget.name
        gadget.color = color ?? gadget.color
        gadget.enabled = body.enabled ?? gadget.enabled
        try db.execute(
          sql: "UPDATE __name___gadgets SET name = ?, color = ?, enabled = ? WHERE id = ?",
          arguments: [gadget.name, gadget.color, gadget.enabled, id])
        return gadget
      }
      guard let gadget else { throw LocalAPIError.notFound("no gadget \(id)") }
      return try JSONResponse.make(gadget)
    }
    group.on(Self.delete.routerPath(under: Self.prefix), method: .delete) { _, context in
      let organization = try context.requireOrganization()
      let id = try context.parameters.require("id")
      let deleted = try await pool.write { db in
        try db.execute(
          sql: "DELETE FROM __name___gadgets WHERE organization_id = ? AND id = ?",
          arguments: [organization.id, id])
        return db.changesCount > 0
      }
      guard deleted else { throw LocalAPIError.notFound("no gadget \(id)") }
      return try JSONResponse.make(["deleted": id])
    }
  }

  /// `text` when it is a gadget color; else a 400 naming the colors.
  static func color(_ text: String) throws -> String {
    let colors = ["red", "green", "blue"]
    guard colors.contains(text) else {
      throw LocalAPIError.badRequest(
        "color must be one of \(colors.joined(separator: ", "))", field: "color")
    }
    return text
  }
}
