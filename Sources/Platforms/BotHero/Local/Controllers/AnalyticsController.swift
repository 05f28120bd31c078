import Foundation
import GRDB
import Hummingbird
import LocalServerKit

/// `GET /analytics/overview`, `/analytics/conversations` and `/analytics/leads`, computed from
/// the stored bots, conversations, messages, leads and documents.
struct AnalyticsController: Sendable {
  let pool: DatabasePool
  let conversations: ConversationStore

  struct Overview: Encodable, Sendable {
    var bots: Int
    var conversations: Int
    var messages: Int
    var leads: Int
    var documents: Int
  }

  struct Day: Encodable, Sendable {
    var date: String
    var conversations: Int
    var messages: Int
  }

  /// Adds the routes to the `/v1` group.
  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.on(path(BotHeroRoutes.overview), method: .get) { request, context in
      let organization = try context.requireOrganization()
      let botID: String? = request.uri.queryParameters.get("bot_id")
      return try JSONResponse.make(try await overview(organization, botID: botID))
    }
    group.on(path(BotHeroRoutes.conversationStats), method: .get) { request, context in
      let organization = try context.requireOrganization()
      let botID: String? = request.uri.queryParameters.get("bot_id")
      return try JSONResponse.make(
        BotController.Page(data: try await days(organization, botID: botID)))
    }
    group.on(path(BotHeroRoutes.leads), method: .get) { request, context in
      let organization = try context.requireOrganization()
      let botID: String? = request.uri.queryParameters.get("bot_id")
      return try JSONResponse.make(
        BotController.Page(
          data: try await conversations.leads(organization: organization, botID: botID)))
    }
  }

  private func overview(_ organization: Organization, botID: String?) async throws -> Overview {
    try await pool.read { db in
      func count(_ table: String, botColumn: String) throws -> Int {
        let owned = OwnedRows(organization, botID: botID, column: botColumn)
        return try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(owned.condition)",
          arguments: owned.arguments) ?? 0
      }
      return Overview(
        bots: try count("bothero_bots", botColumn: "id"),
        conversations: try count("bothero_conversations", botColumn: "bot_id"),
        messages: try count("bothero_messages", botColumn: "bot_id"),
        leads: try count("bothero_leads", botColumn: "bot_id"),
        documents: try count("bothero_documents", botColumn: "bot_id"))
    }
  }

  private func days(_ organization: Organization, botID: String?) async throws -> [Day] {
    try await pool.read { db in
      let owned = OwnedRows(organization, botID: botID)
      var byDay: [String: Day] = [:]
      for row in try Row.fetchAll(
        db,
        sql: "SELECT substr(started_at, 1, 10) AS day, COUNT(*) AS n FROM bothero_conversations "
          + "WHERE \(owned.condition) GROUP BY day", arguments: owned.arguments)
      {
        let day: String = row["day"]
        byDay[day, default: Day(date: day, conversations: 0, messages: 0)].conversations = row["n"]
      }
      for row in try Row.fetchAll(
        db,
        sql: "SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS n FROM bothero_messages "
          + "WHERE \(owned.condition) GROUP BY day", arguments: owned.arguments)
      {
        let day: String = row["day"]
        byDay[day, default: Day(date: day, conversations: 0, messages: 0)].messages = row["n"]
      }
      return byDay.values.sorted { $0.date < $1.date }
    }
  }
}
