import Foundation
import HeppuProvider
import Hummingbird
import LocalServerKit

/// The local extras `docs/heppu-api-contract.md` documents: a chat agent's embed snippet, and a
/// test chat that answers from the agent's instructions. The test chat's `Heho-Local-Sources`
/// header says whether the reply was grounded on them (`instructions`) or on nothing.
struct AgentExtrasController: Sendable {
  let agents: AgentStore
  /// An OpenAI-compatible server for test chats, or `nil` for local replies.
  let chatEndpoint: String?

  struct Embed: Encodable, Sendable {
    var embedCode: String
  }

  struct TestReply: Encodable, Sendable {
    var reply: String
    var model: String
  }

  static let unknown = "I don't know: my instructions don't cover that."
  /// The source name of a reply grounded on the agent's instructions.
  static let instructionsSource = "instructions"

  /// A test chat's reply and what it was grounded on.
  struct Answer: Sendable {
    var reply: String
    var sources: [String]
  }

  /// The snippet a website pastes to show a chat agent's widget.
  static func embedCode(for agent: Agent) -> String {
    "<script src=\"https://v2.heppu.ai/widget.js\" data-agent-id=\"\(agent.id)\" async></script>"
  }

  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    let controller = AgentController(agents: agents)
    group.on(path(HeppuRoutes.embed), method: .get) { _, context in
      let organization = try context.requireOrganization()
      let agent = try await controller.find(context, organization)
      guard agent.type == "chat" else {
        throw LocalAPIError.badRequest(
          "embed code exists for chat agents only; this agent is \(agent.type)", field: "type")
      }
      return try JSONResponse.make(
        AgentController.Envelope(data: Embed(embedCode: Self.embedCode(for: agent))))
    }
    group.on(path(HeppuRoutes.test), method: .post) { request, context in
      try await testChat(request, context, agents: controller)
    }
  }

  /// `POST /agents/{id}/test`: the reply, its sources in the header.
  private func testChat(
    _ request: Request, _ context: LocalRequestContext, agents controller: AgentController
  ) async throws -> Response {
    let organization = try context.requireOrganization()
    let agent = try await controller.find(context, organization)
    let fields = try await RequestBodyDecoder.object(from: request, context: context)
    let check = FieldCheck(fields: fields, what: "test chat")
    try check.known(["message", "history"])
    guard let message = try check.string("message", length: 1...10_000) else {
      throw LocalAPIError.badRequest("message is required", field: "message")
    }
    var history = TestChatHistory()
    if let given = fields["history"] { history = try TestChatHistory(given) }
    let answer = try await reply(to: message, history: history, agent: agent)
    return ReplySources.attach(
      answer.sources,
      to: try JSONResponse.make(
        AgentController.Envelope(data: TestReply(reply: answer.reply, model: agent.model))))
  }

  /// The passage of the instructions that best matches `message`, or a plain "I don't know"
  /// (the history does not change it); or the chat endpoint's reply, given the instructions as
  /// the system prompt, then the history, then the message.
  func reply(to message: String, history: TestChatHistory, agent: Agent) async throws -> Answer {
    guard let chatEndpoint else {
      let best = KeywordRanker.best(
        for: message, in: [(name: agent.name, text: agent.instructions)])
      guard let best else { return Answer(reply: Self.unknown, sources: []) }
      return Answer(reply: best.passage, sources: [Self.instructionsSource])
    }
    let reply = try await ChatEndpoint(url: chatEndpoint).reply(
      model: agent.model,
      messages: [["role": "system", "content": agent.instructions]] + history.endpointMessages
        + [["role": "user", "content": message]])
    return Answer(
      reply: reply, sources: agent.instructions.isEmpty ? [] : [Self.instructionsSource])
  }
}
