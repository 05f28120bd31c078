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
    addRoute(BotHeroRoutes.overview, to: group) { organization, botID in
      try await overview(organization, botID: botID)
    }
    addRoute(BotHeroRoutes.conversationStats, to: group) { organization, botID in
      BotController.Page(data: try await days(organization, botID: botID))
    }
    addRoute(BotHeroRoutes.leads, to: group) { organization, botID in
      BotController.Page(
        data: try await conversations.leads(organization: organization, botID: botID))
    }
  }

  /// A `GET` route whose answer covers the organization, or one bot of it when the query names
  /// one (`?bot_id=`, as every analytics route takes).
  private func addRoute<Answer: Encodable & Sendable>(
    _ route: LocalRoute, to group: RouterGroup<LocalRequestContext>,
    answer: @escaping @Sendable (Organization, _ botID: String?) async throws -> Answer
  ) {
    group.on(path(route), method: .get) { request, context in
      let organization = try context.requireOrganization()
      let botID: String? = request.uri.queryParameters.get("bot_id")
      return try JSONResponse.make(try await answer(organization, botID))
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
      /// How many rows of `table` each day has, the day being the first 10 characters of
      /// `column` (`YYYY-MM-DD`).
      func perDay(_ table: String, column: String) throws -> [(day: String, count: Int)] {
        try Row.fetchAll(
          db,
          sql: "SELECT substr(\(column), 1, 10) AS day, COUNT(*) AS n FROM \(table) "
            + "WHERE \(owned.condition) GROUP BY day", arguments: owned.arguments
        ).map { ($0["day"], $0["n"]) }
      }
      var byDay: [String: Day] = [:]
      for (day, count) in try perDay("bothero_conversations", column: "started_at") {
        byDay[day, default: Day(date: day, conversations: 0, messages: 0)].conversations = count
      }
      for (day, count) in try perDay("bothero_messages", column: "created_at") {
        byDay[day, default: Day(date: day, conversations: 0, messages: 0)].messages = count
      }
      return byDay.values.sorted { $0.date < $1.date }
    }
  }
}
