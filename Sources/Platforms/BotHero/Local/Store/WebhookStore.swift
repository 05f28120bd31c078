import Foundation
import GRDB
import LocalServerKit

/// Webhooks of each organization, in the shared database, their secrets with them (the
/// platform signs deliveries with them; no response ever carries one).
struct WebhookStore: Sendable {
  let pool: DatabasePool

  /// The table, within one organization.
  static let table = OrganizationTable(name: "bothero_webhooks")

  func list(organization: Organization) async throws -> [Webhook] {
    try await pool.read { db in
      try Self.table.all(db, organization: organization).map(Self.webhook)
    }
  }

  func find(id: String, organization: Organization) async throws -> Webhook? {
    try await pool.read { db in
      try Self.table.one(db, id: id, organization: organization).map(Self.webhook)
    }
  }

  /// Stores a new webhook, or replaces a stored one (same ID).
  func save(_ webhook: Webhook, organization: Organization, creating: Bool) async throws {
    let events = JSONValue.array(webhook.events.map(JSONValue.string)).serialized()
    let arguments: StatementArguments = [
      webhook.name, webhook.url, events, webhook.botID, webhook.active, webhook.secret,
      webhook.secretSalt, webhook.updatedAt, webhook.id, organization.id,
    ]
    try await pool.write { db in
      if creating {
        try db.execute(
          sql: """
            INSERT INTO bothero_webhooks (name, url, events, bot_id, active, secret, secret_salt,
              updated_at, id, organization_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: arguments + [webhook.createdAt])
      } else {
        try db.execute(
          sql: """
            UPDATE bothero_webhooks SET name = ?, url = ?, events = ?, bot_id = ?, active = ?,
              secret = ?, secret_salt = ?, updated_at = ?
            WHERE id = ? AND organization_id = ?
            """, arguments: arguments)
      }
    }
  }

  /// Whether the webhook with `id` still exists and is active (any organization).
  func isActive(id: String) async throws -> Bool {
    try await pool.read { db in
      try Bool.fetchOne(
        db, sql: "SELECT active FROM bothero_webhooks WHERE id = ?", arguments: [id])
        ?? false
    }
  }

  func delete(id: String, organization: Organization) async throws -> Bool {
    try await pool.write { db in try Self.table.delete(db, id: id, organization: organization) }
  }

  private static func webhook(_ row: Row) -> Webhook {
    var events: [String] = []
    if case .array(let items) = JSONValue.parse(row["events"]) ?? .null {
      events = items.compactMap { if case .string(let name) = $0 { name } else { nil } }
    }
    return Webhook(
      id: row["id"], name: row["name"], url: row["url"], events: events, botID: row["bot_id"],
      active: row["active"], secret: row["secret"], secretSalt: row["secret_salt"],
      createdAt: row["created_at"], updatedAt: row["updated_at"])
  }
}
