import Hummingbird
import LocalServerKit

/// `POST /api/verify-user` and `POST /api/aichat`.
///
/// The local chat answers from the rows of the tables the chatbot may read: it quotes the row
/// that best matches the last user message (keyword ranking), or says plainly that it does not
/// know. With `heho local serve --chat-endpoint URL` an OpenAI-compatible server answers
/// instead, given the chatbot's description and that row. Either way the answer's
/// `Heho-Local-Sources` header names the table the reply was grounded on (`ReplySources`).
struct AccountController: Sendable {
  /// The chatbots of each organization.
  let chatbots: ChatbotStore
  /// The rows the chatbot may read.
  let rows: RowService
  /// The OpenAI-compatible server, or `nil` for local replies.
  let chatEndpoint: String?

  /// The reply when no readable row matches.
  static let unknown = "I don't know: none of the tables I may read mention that."
  /// Rows read per table for a reply.
  static let rowsPerTable = 1000

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
    let question = last.content ?? ""
    let best = KeywordRanker.best(
      for: question, in: try await readable(chatbot, organization: organization))
    let reply: String
    if let chatEndpoint {
      var system = chatbot.description
      if let best { system += "\n\nFrom table \"\(best.document)\": \(best.passage)" }
      let history = (body.history ?? []).map {
        ["role": $0.role ?? "user", "content": $0.content ?? ""]
      }
      reply = try await ChatEndpoint(url: chatEndpoint).reply(
        model: chatbot.model,
        messages: [["role": "system", "content": system]] + history
          + messages.map { ["role": $0.role ?? "user", "content": $0.content ?? ""] })
    } else {
      reply = best.map { "From table \"\($0.document)\": \"\($0.passage)\"" } ?? Self.unknown
    }
    return ReplySources.attach(
      best.map { [$0.document] } ?? [],
      to: try JSONResponse.make(
        ChatResponse(
          chatbotId: chatbot.id, response: reply, model: chatbot.model,
          local: chatEndpoint == nil)))
  }
}

extension AccountController {
  /// The rows of the tables `chatbot` may read, one passage per row (`column: value; …`), by
  /// table.
  func readable(_ chatbot: Chatbot, organization: Organization) async throws
    -> [(name: String, text: String)]
  {
    var tables: [(name: String, text: String)] = []
    for slot in chatbot.dataTables where slot.read {
      guard let name = slot.name,
        let found = try? await rows.read(table: name, query: [:], organization: organization)
      else { continue }
      let text = found.prefix(Self.rowsPerTable).map { row in
        row.members.map { "\($0.key): \($0.value.summary)" }.joined(separator: "; ")
      }.joined(separator: "\n\n")
      tables.append((name, text))
    }
    return tables
  }
}
