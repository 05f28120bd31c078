import Foundation
import Hummingbird
import LocalServerKit

/// `POST /chat/completions`, `GET /conversations` and `GET /conversations/:id/messages`.
struct ChatController: Sendable {
  let bots: BotStore
  let conversations: ConversationStore
  let documents: DocumentStore
  let responder: ChatResponder
  let events: EventBus

  /// The seed's response to a chat completion.
  struct Completion: Encodable, Sendable {
    struct Usage: Encodable, Sendable {
      var promptTokens: Int
      var completionTokens: Int
      enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
      }
    }
    var id: String
    var botID: String
    var conversationID: String
    var role = "assistant"
    var content: String
    var model: String
    var usage: Usage

    enum CodingKeys: String, CodingKey {
      case id, role, content, model, usage
      case botID = "bot_id"
      case conversationID = "conversation_id"
    }
  }

  /// Adds the routes to the `/v1` group.
  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.on(path(BotHeroRoutes.chat), method: .post) { request, context in
      let organization = try context.requireOrganization()
      let fields = try await RequestBodyDecoder.object(from: request, context: context)
      let check = FieldCheck(fields: fields, what: "chat completion")
      try check.known(["bot_id", "message", "conversation_id"])
      guard let botID = try check.string("bot_id", length: 1...200) else {
        throw LocalAPIError.badRequest("bot_id is required", field: "bot_id")
      }
      guard let message = try check.string("message", length: 1...20_000) else {
        throw LocalAPIError.badRequest(
          "message is required: 1 to 20,000 characters", field: "message")
      }
      let conversationID =
        try check.string("conversation_id", length: 1...100) ?? LocalID.make("conv_")
      guard let bot = try await bots.find(id: botID, organization: organization) else {
        throw BotController.notFound(botID).with(field: "bot_id")
      }
      let (completion, sources) = try await complete(
        message, bot: bot, conversationID: conversationID, organization: organization)
      return ReplySources.attach(sources, to: try JSONResponse.make(completion))
    }
    group.on(path(BotHeroRoutes.listConversations), method: .get) { request, context in
      let organization = try context.requireOrganization()
      let list = try await conversations.list(
        organization: organization, botID: request.uri.queryParameters.get("bot_id"))
      return try JSONResponse.make(BotController.Page(data: list))
    }
    group.on(path(BotHeroRoutes.listMessages), method: .get) { _, context in
      let organization = try context.requireOrganization()
      let id = try context.parameters.require("id")
      guard let list = try await conversations.messages(of: id, organization: organization) else {
        throw LocalAPIError.notFound("no conversation '\(id.prefix(100))' in this organization")
      }
      return try JSONResponse.make(BotController.Page(data: list))
    }
  }

  /// The completion, and the documents its reply was grounded on.
  private func complete(
    _ text: String, bot: Bot, conversationID: String, organization: Organization
  ) async throws -> (Completion, sources: [String]) {
    let opened = try await conversations.open(
      id: conversationID, botID: bot.id, organization: organization)
    if opened.restarted {
      await events.emit(
        "conversation.ended", data: ["conversation": opened.conversation], botID: bot.id,
        conversationID: conversationID,
        organization: organization)
    }
    if opened.started || opened.restarted {
      await events.emit(
        "conversation.started", data: ["conversation": opened.conversation], botID: bot.id,
        conversationID: conversationID,
        organization: organization)
    }
    let history =
      try await conversations.messages(of: conversationID, organization: organization) ?? []
    let asked = try await conversations.add(
      role: "user", content: text, conversation: opened.conversation, organization: organization)
    await events.emit(
      "message.created", data: ["message": asked], botID: bot.id, conversationID: conversationID,
      organization: organization)
    if bot.leadCapture, let email = Self.email(in: text) {
      let lead = try await conversations.captureLead(
        email: email, conversation: opened.conversation, organization: organization)
      await events.emit(
        "lead.captured", data: ["lead": lead], botID: bot.id, conversationID: conversationID,
        organization: organization)
    }
    let knowledge = try await documents.texts(botID: bot.id, organization: organization)
    let reply = try await responder.reply(
      to: text, bot: bot, history: history, documents: knowledge)
    let content = reply.content
    let answered = try await conversations.add(
      role: "assistant", content: content, conversation: opened.conversation,
      organization: organization)
    await events.emit(
      "message.created", data: ["message": answered], botID: bot.id, conversationID: conversationID,
      organization: organization)
    let prompt = bot.instructions.count + history.reduce(0) { $0 + $1.content.count } + text.count
    let completion = Completion(
      id: answered.id, botID: bot.id, conversationID: conversationID, content: content,
      model: bot.model,
      usage: .init(promptTokens: (prompt + 3) / 4, completionTokens: (content.count + 3) / 4))
    return (completion, reply.sources)
  }

  /// The first email address in `text`.
  static func email(in text: String) -> String? {
    let pattern = #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#
    guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
    return String(text[range])
  }
}

extension LocalAPIError {
  /// The same error, naming `field`.
  func with(field: String) -> LocalAPIError {
    var copy = self
    copy.field = field
    return copy
  }
}
