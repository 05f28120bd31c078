import Foundation
import GRDB
import LocalServerKit

/// One attempt to deliver an event to a webhook, as `GET /webhooks/:id/deliveries` lists it.
struct Delivery: Codable, Sendable, Hashable {
  var id: String
  var eventID: String
  var eventType: String
  /// The conversation of a chat's event (`conversation.started`, `message.created`,
  /// `lead.captured`, `conversation.ended`); `nil` for events of none.
  var conversationID: String?
  var attempt: Int
  var succeeded: Bool
  var statusCode: Int?
  var error: String?
  var deliveredAt: String

  enum CodingKeys: String, CodingKey {
    case id, attempt, succeeded, error
    case eventID = "event_id"
    case eventType = "event_type"
    case conversationID = "conversation_id"
    case statusCode = "status_code"
    case deliveredAt = "delivered_at"
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(eventID, forKey: .eventID)
    try container.encode(eventType, forKey: .eventType)
    try container.encode(conversationID, forKey: .conversationID)
    try container.encode(attempt, forKey: .attempt)
    try container.encode(succeeded, forKey: .succeeded)
    try container.encode(statusCode, forKey: .statusCode)
    try container.encode(error, forKey: .error)
    try container.encode(deliveredAt, forKey: .deliveredAt)
  }
}

/// Every delivery attempt, by webhook.
struct DeliveryStore: Sendable {
  let pool: DatabasePool

  func record(_ delivery: Delivery, webhookID: String) async throws {
    try await pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO bothero_deliveries (id, webhook_id, event_id, event_type,
            conversation_id, attempt, succeeded, status_code, error, delivered_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          delivery.id, webhookID, delivery.eventID, delivery.eventType, delivery.conversationID,
          delivery.attempt, delivery.succeeded, delivery.statusCode, delivery.error,
          delivery.deliveredAt,
        ])
    }
  }

  func list(webhookID: String) async throws -> [Delivery] {
    try await pool.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM bothero_deliveries WHERE webhook_id = ? ORDER BY seq",
        arguments: [webhookID]
      ).map { row in
        Delivery(
          id: row["id"], eventID: row["event_id"], eventType: row["event_type"],
          conversationID: row["conversation_id"], attempt: row["attempt"],
          succeeded: row["succeeded"], statusCode: row["status_code"],
          error: row["error"], deliveredAt: row["delivered_at"])
      }
    }
  }
}
