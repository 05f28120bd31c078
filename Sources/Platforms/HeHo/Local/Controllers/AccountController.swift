import HehoLocal
import Hummingbird

/// `POST /api/verify-user` and `POST /api/aichat`.
struct AccountController: Sendable {
  /// The chatbots of each organization.
  let chatbots: ChatbotStore

  struct VerifyResponse: Codable, Sendable {
    var valid: Bool
    var organization: Organization
  }

  struct ChatResponse: Codable, Sendable {
    var chatbotId: String
    var response: String
    var model: String
    var local: Bool
  }

  /// Adds the routes to a group.
  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.on(path(HeHoRoutes.verifyUser), method: .post) { _, context in
      try JSONResponse.make(
        VerifyResponse(valid: true, organization: try context.requireOrganization()))
    }
    group.on(path(HeHoRoutes.chat), method: .post) { request, context in
      try await chat(request, context)
    }
  }

  private func chat(_ request: Request, _ context: LocalRequestContext) async throws -> Response {
    let organization = try context.requireOrganization()
    let body = try await RequestBodyDecoder.decode(
      ChatRequest.self, from: request, context: context)
    guard let chatbotId = body.chatbotId, !chatbotId.isEmpty else {
      throw LocalAPIError.badRequest("chatbotId is required", field: "chatbotId")
    }
    guard let messages = body.messages, !messages.isEmpty else {
      throw LocalAPIError.badRequest(
        "messages is required: a non-empty array of {role, content}", field: "messages")
    }
    guard let chatbot = try await chatbots.find(id: chatbotId, organization: organization) else {
      throw LocalAPIError.notFound(
        "no chatbot with id '\(SQLIdentifier.printable(chatbotId))' in this organization",
        field: "chatbotId")
    }
    let last = messages.last { $0.role == nil || $0.role == "user" } ?? messages[messages.count - 1]
    let said = (last.content ?? "").prefix(200)
    let reply =
      "[HehoLocal] \(chatbot.name) received \(messages.count) message(s) and "
      + "\((body.history ?? []).count) history item(s). This local platform runs no model; "
      + "this reply is deterministic. Last message: \"\(said)\""
    return try JSONResponse.make(
      ChatResponse(chatbotId: chatbot.id, response: reply, model: chatbot.model, local: true))
  }
}
