import Foundation
import HehoLocal
import HeppuPlatform
import Hummingbird

/// The local extras `docs/heppu-api-contract.md` documents: a chat agent's embed snippet, and a
/// test chat that answers from the agent's instructions.
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
      let organization = try context.requireOrganization()
      let agent = try await controller.find(context, organization)
      let fields = try await RequestBodyDecoder.object(from: request, context: context)
      let check = FieldCheck(fields: fields, what: "test chat")
      try check.known(["message"])
      guard let message = try check.string("message", length: 1...10_000) else {
        throw LocalAPIError.badRequest("message is required", field: "message")
      }
      return try JSONResponse.make(
        AgentController.Envelope(
          data: TestReply(reply: try await reply(to: message, agent: agent), model: agent.model)))
    }
  }

  /// The passage of the instructions that best matches `message`, or a plain "I don't know";
  /// or the chat endpoint's reply, with the instructions as the system prompt.
  func reply(to message: String, agent: Agent) async throws -> String {
    guard let chatEndpoint else {
      let best = KeywordRanker.best(
        for: message, in: [(name: agent.name, text: agent.instructions)])
      return best?.passage ?? Self.unknown
    }
    return try await ChatEndpoint(url: chatEndpoint).reply(
      model: agent.model,
      messages: [
        ["role": "system", "content": agent.instructions], ["role": "user", "content": message],
      ])
  }
}
