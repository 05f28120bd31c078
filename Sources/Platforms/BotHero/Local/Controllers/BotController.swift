import Hummingbird
import LocalServerKit

/// `GET` and `POST /bots`, `PATCH` and `DELETE /bots/:id`.
struct BotController: Sendable {
  let bots: BotStore
  let events: EventBus

  struct Page<Element: Encodable & Sendable>: Encodable, Sendable {
    var data: [Element]
  }

  struct Deleted: Encodable, Sendable {
    var id: String
    var deleted: Bool
  }

  /// Adds the routes to the `/v1` group.
  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.on(path(BotHeroRoutes.listBots), method: .get) { _, context in
      let organization = try context.requireOrganization()
      return try JSONResponse.make(Page(data: try await bots.list(organization: organization)))
    }
    group.on(path(BotHeroRoutes.createBot), method: .post) { request, context in
      let organization = try context.requireOrganization()
      let fields = try await RequestBodyDecoder.object(from: request, context: context)
      var bot = Bot.new(now: SQLiteFile.now())
      try bot.apply(fields, creating: true)
      try await bots.save(bot, organization: organization, creating: true)
      await events.emit(
        "bot.created", data: ["bot": bot], botID: bot.id, organization: organization)
      return try JSONResponse.make(bot, status: .created)
    }
    group.on(path(BotHeroRoutes.updateBot), method: .patch) { request, context in
      let organization = try context.requireOrganization()
      let id = try context.parameters.require("id")
      let fields = try await RequestBodyDecoder.object(from: request, context: context)
      guard var bot = try await bots.find(id: id, organization: organization) else {
        throw Self.notFound(id)
      }
      try bot.apply(fields, creating: false)
      bot.updatedAt = SQLiteFile.now()
      try await bots.save(bot, organization: organization, creating: false)
      await events.emit(
        "bot.updated", data: ["bot": bot], botID: bot.id, organization: organization)
      return try JSONResponse.make(bot)
    }
    group.on(path(BotHeroRoutes.deleteBot), method: .delete) { _, context in
      let organization = try context.requireOrganization()
      let id = try context.parameters.require("id")
      guard let bot = try await bots.find(id: id, organization: organization) else {
        throw Self.notFound(id)
      }
      // Subscribers hear of the delete before the bot's own webhooks go with it.
      await events.emit("bot.deleted", data: ["bot": bot], botID: id, organization: organization)
      guard try await bots.delete(id: id, organization: organization) else {
        throw Self.notFound(id)
      }
      return try JSONResponse.make(Deleted(id: id, deleted: true))
    }
  }

  static func notFound(_ id: String) -> LocalAPIError {
    .notFound("no bot with id '\(id.prefix(100))' in this organization")
  }
}
