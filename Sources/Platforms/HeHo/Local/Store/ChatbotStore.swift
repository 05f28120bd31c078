import Foundation
import GRDB
import LocalServerKit

/// Chatbots of each organization, in the platform database.
struct ChatbotStore: Sendable {
  /// The platform database.
  let platform: PlatformStore
  /// Whether a second chatbot with an existing name is refused (409). The seed promises no such
  /// check, so it is off unless `heho local serve --unique-names` asks for it.
  var uniqueNames = false

  /// Stores a new chatbot; with `uniqueNames`, 409 when the organization already has one with
  /// that name.
  func insert(_ chatbot: Chatbot, organization: Organization) async throws {
    let slots = JSONValue.array(
      chatbot.dataTables.map { slot in
        .object([
          "name": slot.name.map(JSONValue.string) ?? .null, "read": .bool(slot.read),
          "write": .bool(slot.write), "edit": .bool(slot.edit),
        ])
      }
    ).serialized()
    let uniqueNames = uniqueNames
    try await platform.pool.write { db in
      if uniqueNames {
        let taken = try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM chatbots WHERE organization_id = ? AND name = ?)",
          arguments: [organization.id, chatbot.name])
        if taken == true {
          throw LocalAPIError.conflict(
            "a chatbot named '\(chatbot.name)' already exists in this organization; "
              + "choose another name or delete the existing one", field: "name")
        }
      }
      try db.execute(
        sql: """
          INSERT INTO chatbots (id, organization_id, name, goal, description, model, tone, theme,
            data_tables, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          chatbot.id, organization.id, chatbot.name, chatbot.goal, chatbot.description,
          chatbot.model, chatbot.tone, chatbot.theme, slots, chatbot.createdAt,
        ])
    }
  }

  /// The organization's chatbots, oldest first.
  func list(organization: Organization) async throws -> [Chatbot] {
    try await platform.pool.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM chatbots WHERE organization_id = ? ORDER BY seq",
        arguments: [organization.id]
      ).map(Self.chatbot(from:))
    }
  }

  /// The organization's chatbot with this id; `nil` when there is none (or it is another's).
  func find(id: String, organization: Organization) async throws -> Chatbot? {
    try await platform.pool.read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM chatbots WHERE organization_id = ? AND id = ?",
        arguments: [organization.id, id]
      ).map(Self.chatbot(from:))
    }
  }

  /// Deletes the organization's chatbot; returns false when there was none.
  func delete(id: String, organization: Organization) async throws -> Bool {
    try await platform.pool.write { db in
      try db.execute(
        sql: "DELETE FROM chatbots WHERE organization_id = ? AND id = ?",
        arguments: [organization.id, id])
      return db.changesCount > 0
    }
  }

  private static func chatbot(from row: Row) -> Chatbot {
    let stored: String = row["data_tables"]
    var slots: [Chatbot.DataTable] = []
    if case .array(let values) = JSONValue.parse(stored) ?? .null {
      slots = values.map { value in
        guard case .object(let fields) = value else { return Chatbot.DataTable() }
        func flag(_ key: String) -> Bool { fields[key] == .bool(true) }
        var name: String?
        if case .string(let text) = fields["name"] { name = text }
        return Chatbot.DataTable(
          name: name, read: flag("read"), write: flag("write"), edit: flag("edit"))
      }
    }
    while slots.count < 3 { slots.append(Chatbot.DataTable()) }
    return Chatbot(
      id: row["id"], name: row["name"], goal: row["goal"], description: row["description"],
      model: row["model"], tone: row["tone"], theme: row["theme"], dataTables: slots,
      createdAt: row["created_at"])
  }
}
