import Foundation
import GRDB
import HeppuProvider
import LocalServerKit

/// Agents of each organization in the shared database; soft-deleted ones kept, unseen by the
/// API. Phone numbers are unique per organization among agents not deleted.
struct AgentStore: Sendable {
  let pool: DatabasePool
  /// Whether a second agent with an existing name is refused (409); off unless asked for.
  let uniqueNames: Bool

  /// A filtered page of the live agents, oldest first, and how many match in all.
  func list(_ query: AgentQuery, organization: Organization) async throws -> (
    agents: [Agent], total: Int
  ) {
    try await pool.read { db in
      var conditions = ["organization_id = ?", "deleted_at IS NULL"]
      var arguments: StatementArguments = [organization.id]
      if let type = query.type {
        conditions.append("type = ?")
        arguments += [type]
      }
      if let status = query.status {
        conditions.append("status = ?")
        arguments += [status]
      }
      if let search = query.search {
        conditions.append(
          "(instr(lower(name), lower(?)) > 0 OR instr(lower(instructions), lower(?)) > 0)")
        arguments += [search, search]
      }
      let filter = conditions.joined(separator: " AND ")
      let total =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM heppu_agents WHERE \(filter)", arguments: arguments) ?? 0
      // Any page from 1 is valid, so (page - 1) * limit can pass Int.max: such a page starts
      // past every row, as the largest offset does, and is empty rather than a crash.
      let (offset, overflow) = (query.page - 1).multipliedReportingOverflow(by: query.limit)
      let rows = try Row.fetchAll(
        db,
        sql: "SELECT * FROM heppu_agents WHERE \(filter) ORDER BY seq LIMIT ? OFFSET ?",
        arguments: arguments + [query.limit, overflow ? Int.max : offset])
      return (try rows.map(Self.agent), total)
    }
  }

  /// The live agent with `id`, or `nil` (unknown, another organization's, or soft-deleted).
  func find(id: String, organization: Organization) async throws -> Agent? {
    try await pool.read { db in
      try Row.fetchOne(
        db,
        sql:
          "SELECT * FROM heppu_agents WHERE id = ? AND organization_id = ? AND deleted_at IS NULL",
        arguments: [id, organization.id]
      ).map(Self.agent)
    }
  }

  /// Stores a new agent or replaces a live one, claiming its phone numbers; 409 when another
  /// live agent holds one of them (or, with unique names, its name).
  func save(_ agent: Agent, organization: Organization, creating: Bool) async throws {
    let uniqueNames = uniqueNames
    try await pool.write { db in
      if uniqueNames,
        let other = try String.fetchOne(
          db,
          sql: """
            SELECT id FROM heppu_agents WHERE organization_id = ? AND name = ? AND id <> ?
              AND deleted_at IS NULL
            """, arguments: [organization.id, agent.name, agent.id])
      {
        throw LocalAPIError.conflict(
          "an agent named '\(agent.name)' already exists in this organization (\(other))",
          field: "name")
      }
      let config = try JSONText.encode(agent.config)
      let tools = try JSONText.encode(agent.tools.map(\.id))
      let numbers = try JSONText.encode(agent.phoneNumbers)
      if creating {
        try db.execute(
          sql: """
            INSERT INTO heppu_agents (id, organization_id, name, type, status, model, instructions,
              config, tools, phone_numbers, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            agent.id, organization.id, agent.name, agent.type, agent.status, agent.model,
            agent.instructions, config, tools, numbers, agent.createdAt, agent.updatedAt,
          ])
      } else {
        try db.execute(
          sql: """
            UPDATE heppu_agents SET name = ?, status = ?, model = ?, instructions = ?, config = ?,
              tools = ?, phone_numbers = ?, updated_at = ?
            WHERE id = ? AND organization_id = ?
            """,
          arguments: [
            agent.name, agent.status, agent.model, agent.instructions, config, tools, numbers,
            agent.updatedAt, agent.id, organization.id,
          ])
      }
      try db.execute(
        sql: "DELETE FROM heppu_phone_numbers WHERE organization_id = ? AND agent_id = ?",
        arguments: [organization.id, agent.id])
      for number in agent.phoneNumbers {
        if let holder = try Row.fetchOne(
          db,
          sql: """
            SELECT a.id, a.name FROM heppu_phone_numbers p JOIN heppu_agents a ON a.id = p.agent_id
            WHERE p.organization_id = ? AND p.number = ?
            """, arguments: [organization.id, number])
        {
          let name: String = holder["name"]
          let id: String = holder["id"]
          throw LocalAPIError.conflict(
            "phone number \(number) is assigned to agent '\(name)' (\(id)); release it there first",
            field: "phoneNumbers")
        }
        try db.execute(
          sql:
            "INSERT INTO heppu_phone_numbers (organization_id, number, agent_id) VALUES (?, ?, ?)",
          arguments: [organization.id, number, agent.id])
      }
    }
  }

  /// Soft-deletes a live agent, releasing its phone numbers; false when there was none.
  func softDelete(id: String, organization: Organization, at now: String) async throws -> Bool {
    try await pool.write { db in
      try db.execute(
        sql: """
          UPDATE heppu_agents SET deleted_at = ?, updated_at = ?
          WHERE id = ? AND organization_id = ? AND deleted_at IS NULL
          """, arguments: [now, now, id, organization.id])
      guard db.changesCount > 0 else { return false }
      try db.execute(
        sql: "DELETE FROM heppu_phone_numbers WHERE organization_id = ? AND agent_id = ?",
        arguments: [organization.id, id])
      return true
    }
  }

  static func agent(_ row: Row) throws -> Agent {
    let toolIDs: [String] = try JSONText.decode(row["tools"])
    return Agent(
      id: row["id"], name: row["name"], type: row["type"], status: row["status"],
      model: row["model"], instructions: row["instructions"],
      config: try JSONText.decode(row["config"]),
      tools: toolIDs.compactMap { id in AgentCatalog.tools.first { $0.id == id } },
      phoneNumbers: try JSONText.decode(row["phone_numbers"]), createdAt: row["created_at"],
      updatedAt: row["updated_at"])
  }
}

/// `GET /agents`'s filters and page.
struct AgentQuery: Sendable {
  var type: String?
  var status: String?
  var search: String?
  var page = 1
  var limit = 50
}

/// JSON columns.
enum JSONText {
  static func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  static func decode<T: Decodable>(_ text: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(text.utf8))
  }
}
