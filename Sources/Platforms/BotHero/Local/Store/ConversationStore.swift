import Foundation
import GRDB
import LocalServerKit

/// A conversation, as `GET /conversations` lists it.
struct Conversation: Codable, Sendable, Hashable {
  var id: String
  var botID: String
  var startedAt: String
  var lastMessageAt: String
  var messageCount: Int
  var endedAt: String?

  enum CodingKeys: String, CodingKey {
    case id
    case botID = "bot_id"
    case startedAt = "started_at"
    case lastMessageAt = "last_message_at"
    case messageCount = "message_count"
    case endedAt = "ended_at"
  }
}

/// A message of a conversation.
struct Message: Codable, Sendable, Hashable {
  var id: String
  var conversationID: String
  var role: String
  var content: String
  var createdAt: String

  enum CodingKeys: String, CodingKey {
    case id, role, content
    case conversationID = "conversation_id"
    case createdAt = "created_at"
  }
}

/// A captured lead.
struct Lead: Codable, Sendable, Hashable {
  var id: String
  var botID: String
  var conversationID: String
  var email: String
  var capturedAt: String

  enum CodingKeys: String, CodingKey {
    case id, email
    case botID = "bot_id"
    case conversationID = "conversation_id"
    case capturedAt = "captured_at"
  }
}

/// Conversations, their messages and the leads captured in them.
struct ConversationStore: Sendable {
  let pool: DatabasePool

  /// What happened to a conversation when a message arrived.
  struct Opened: Sendable {
    var conversation: Conversation
    /// It did not exist: `conversation.started`.
    var started: Bool
    /// It had been idle 30 minutes: `conversation.ended`, then started again.
    var restarted: Bool
  }

  /// Finds or starts the conversation `id` of `botID`; 409 when it is another bot's.
  func open(
    id: String, botID: String, organization: Organization, idleLimit: TimeInterval = 1800
  ) async throws -> Opened {
    let now = Date().timeIntervalSince1970
    let stamp = SQLiteFile.now()
    return try await pool.write { db in
      if let row = try Row.fetchOne(
        db, sql: "SELECT * FROM bothero_conversations WHERE organization_id = ? AND id = ?",
        arguments: [organization.id, id])
      {
        guard (row["bot_id"] as String) == botID else {
          throw LocalAPIError.conflict(
            "conversation '\(id.prefix(100))' belongs to another bot", field: "conversation_id")
        }
        let idle = now - (row["last_unix"] as Double) > idleLimit
        if idle {
          try db.execute(
            sql:
              "UPDATE bothero_conversations SET started_at = ?, ended_at = NULL WHERE organization_id = ? AND id = ?",
            arguments: [stamp, organization.id, id])
        }
        let conversation = try Self.conversation(db, id: id, organization: organization)
        return Opened(conversation: conversation, started: false, restarted: idle)
      }
      try db.execute(
        sql: """
          INSERT INTO bothero_conversations (id, organization_id, bot_id, started_at,
            last_message_at, last_unix) VALUES (?, ?, ?, ?, ?, ?)
          """, arguments: [id, organization.id, botID, stamp, stamp, now])
      let conversation = try Self.conversation(db, id: id, organization: organization)
      return Opened(conversation: conversation, started: true, restarted: false)
    }
  }

  /// Stores a message and marks the conversation active.
  func add(
    role: String, content: String, conversation: Conversation, organization: Organization
  ) async throws -> Message {
    let message = Message(
      id: LocalID.make("msg_"), conversationID: conversation.id, role: role, content: content,
      createdAt: SQLiteFile.now())
    try await pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO bothero_messages (id, organization_id, conversation_id, bot_id, role,
            content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          message.id, organization.id, conversation.id, conversation.botID, role, content,
          message.createdAt,
        ])
      try db.execute(
        sql: """
          UPDATE bothero_conversations SET last_message_at = ?, last_unix = ?
          WHERE organization_id = ? AND id = ?
          """,
        arguments: [
          message.createdAt, Date().timeIntervalSince1970, organization.id, conversation.id,
        ])
    }
    return message
  }

  func captureLead(email: String, conversation: Conversation, organization: Organization)
    async throws -> Lead
  {
    let lead = Lead(
      id: LocalID.make("lead_"), botID: conversation.botID, conversationID: conversation.id,
      email: email, capturedAt: SQLiteFile.now())
    try await pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO bothero_leads (id, organization_id, bot_id, conversation_id, email,
            captured_at) VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          lead.id, organization.id, lead.botID, lead.conversationID, email, lead.capturedAt,
        ])
    }
    return lead
  }

  func list(organization: Organization, botID: String?) async throws -> [Conversation] {
    try await pool.read { db in
      let owned = OwnedRows(organization, botID: botID)
      return try String.fetchAll(
        db, sql: "SELECT id FROM bothero_conversations WHERE \(owned.condition) ORDER BY seq",
        arguments: owned.arguments
      ).map {
        try Self.conversation(db, id: $0, organization: organization)
      }
    }
  }

  /// The messages of a conversation, oldest first; `nil` when there is no such conversation.
  func messages(of id: String, organization: Organization) async throws -> [Message]? {
    try await pool.read { db in
      let exists = try Bool.fetchOne(
        db,
        sql:
          "SELECT EXISTS (SELECT 1 FROM bothero_conversations WHERE organization_id = ? AND id = ?)",
        arguments: [organization.id, id])
      guard exists == true else { return nil }
      return try Row.fetchAll(
        db,
        sql:
          "SELECT * FROM bothero_messages WHERE organization_id = ? AND conversation_id = ? ORDER BY seq",
        arguments: [organization.id, id]
      ).map { row in
        Message(
          id: row["id"], conversationID: row["conversation_id"], role: row["role"],
          content: row["content"], createdAt: row["created_at"])
      }
    }
  }

  func leads(organization: Organization, botID: String?) async throws -> [Lead] {
    try await pool.read { db in
      let owned = OwnedRows(organization, botID: botID)
      return try Row.fetchAll(
        db, sql: "SELECT * FROM bothero_leads WHERE \(owned.condition) ORDER BY seq",
        arguments: owned.arguments
      ).map { row in
        Lead(
          id: row["id"], botID: row["bot_id"], conversationID: row["conversation_id"],
          email: row["email"], capturedAt: row["captured_at"])
      }
    }
  }

  private static func conversation(_ db: Database, id: String, organization: Organization) throws
    -> Conversation
  {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT c.*, (SELECT COUNT(*) FROM bothero_messages m
            WHERE m.organization_id = c.organization_id AND m.conversation_id = c.id) AS count
          FROM bothero_conversations c WHERE c.organization_id = ? AND c.id = ?
          """, arguments: [organization.id, id])
    else { throw LocalAPIError.notFound("no conversation '\(id.prefix(100))'") }
    return Conversation(
      id: row["id"], botID: row["bot_id"], startedAt: row["started_at"],
      lastMessageAt: row["last_message_at"], messageCount: row["count"], endedAt: row["ended_at"])
  }
}
