import Foundation
import GRDB
import LocalServerKit

/// Bots of each organization, in the shared database.
struct BotStore: Sendable {
  let pool: DatabasePool
  /// Whether a second bot with an existing name is refused (409); off unless asked for.
  let uniqueNames: Bool

  /// The table, within one organization.
  static let table = OrganizationTable(name: "bothero_bots")

  func list(organization: Organization) async throws -> [Bot] {
    try await pool.read { db in try Self.table.all(db, organization: organization).map(Self.bot) }
  }

  func find(id: String, organization: Organization) async throws -> Bot? {
    try await pool.read { db in
      try Self.table.one(db, id: id, organization: organization).map(Self.bot)
    }
  }

  /// Stores a new bot, or replaces a stored one (same ID).
  func save(_ bot: Bot, organization: Organization, creating: Bool) async throws {
    let uniqueNames = uniqueNames
    try await pool.write { db in
      if uniqueNames {
        let taken = try Bool.fetchOne(
          db,
          sql: """
            SELECT EXISTS (SELECT 1 FROM bothero_bots
            WHERE organization_id = ? AND name = ? AND id <> ?)
            """, arguments: [organization.id, bot.name, bot.id])
        if taken == true {
          throw LocalAPIError.conflict(
            "a bot named '\(bot.name)' already exists in this organization", field: "name")
        }
      }
      let arguments: StatementArguments = [
        bot.name, bot.model, bot.instructions, bot.welcomeMessage, bot.temperature,
        bot.leadCapture, bot.updatedAt, bot.id, organization.id,
      ]
      if creating {
        try db.execute(
          sql: """
            INSERT INTO bothero_bots (name, model, instructions, welcome_message, temperature,
              lead_capture, updated_at, id, organization_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: arguments + [bot.createdAt])
      } else {
        try db.execute(
          sql: """
            UPDATE bothero_bots SET name = ?, model = ?, instructions = ?, welcome_message = ?,
              temperature = ?, lead_capture = ?, updated_at = ?
            WHERE id = ? AND organization_id = ?
            """, arguments: arguments)
      }
    }
  }

  /// Deletes a bot, and with it the webhooks scoped to it; false when there was none.
  func delete(id: String, organization: Organization) async throws -> Bool {
    try await pool.write { db in try Self.table.delete(db, id: id, organization: organization) }
  }

  private static func bot(_ row: Row) -> Bot {
    Bot(
      id: row["id"], name: row["name"], model: row["model"], instructions: row["instructions"],
      welcomeMessage: row["welcome_message"], temperature: row["temperature"],
      leadCapture: row["lead_capture"], createdAt: row["created_at"], updatedAt: row["updated_at"])
  }
}
