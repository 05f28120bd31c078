import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// A test conversation with a Heppu agent through HehoLocal's test chat,
/// `POST /agents/{id}/test` (the platform itself has no conversation API).
///
/// The test chat keeps no conversation: each turn sends the earlier turns as `history`, so a
/// turn changes nothing on the platform and is re-sent safely after an unknown outcome.
actor HeppuConversation: Conversation {
  /// The calls, phrased and redacted like every other Heppu call.
  let writes: PlatformWrites
  /// The agent talked to.
  let agent: LiveResource
  /// The earlier turns, user and assistant messages alternating.
  private(set) var history: [AgentTestRequest.Message] = []
  /// Turns sent so far.
  private(set) var turns = 0

  /// Opens a conversation with `agent`.
  init(writes: PlatformWrites, agent: LiveResource) {
    self.writes = writes
    self.agent = agent
  }

  func send(_ message: String) async throws -> ConversationReply {
    turns += 1
    let doing = "sending turn \(turns) to \(agent.address)"
    let body = AgentTestRequest(message: message, history: history)
    let request = HTTPRequest(
      method: "POST", path: "/agents/\(agent.id)/test", body: try APIClient.json(body))
    // Idempotent: nothing is kept, so a retry only asks again. Not a write: no configuration
    // changes.
    let response = try await writes.call(request, idempotent: true, write: false, doing: doing)
    let reply: AgentTestReply
    do {
      reply = try writes.client.decode(
        HeppuEnvelope<AgentTestReply>.self, from: response, for: request.line
      ).data
    } catch let error as APIClientError {
      throw writes.failure(error, doing: doing)
    }
    history += [
      AgentTestRequest.Message(role: "user", content: message),
      AgentTestRequest.Message(role: "assistant", content: reply.reply),
    ]
    return ConversationReply(text: reply.reply, sources: ReplySources.decode(response))
  }

  /// Heppu records neither leads nor webhook deliveries.
  func check(_ effect: ConversationEffect) async throws -> CheckOutcome {
    .notCheckable("Heppu has no leads or webhooks")
  }
}
