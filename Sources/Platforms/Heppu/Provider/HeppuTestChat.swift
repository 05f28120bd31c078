import HehoEngine
import PlatformKit

/// A Heppu agent's chat through HehoLocal's test chat, `POST /agents/{id}/test` (the platform
/// itself has no conversation API).
///
/// The test chat keeps no conversation: each turn sends the earlier turns as `history`, so a
/// test conversation is a `StatelessConversation` over this chat.
struct HeppuTestChat: StatelessChat {
  /// The agent talked to.
  let agent: LiveResource

  func request(for message: String, history: [TranscriptMessage]) throws -> HTTPRequest {
    let body = AgentTestRequest(message: message, history: history)
    return HTTPRequest(
      method: "POST", path: "/agents/\(agent.id)/test", body: try APIClient.json(body))
  }

  func reply(in response: HTTPResponse, client: APIClient, for line: String) throws -> String {
    try client.decode(HeppuEnvelope<AgentTestReply>.self, from: response, for: line).data.reply
  }

  var effectsNotRecorded: String { "Heppu has no leads or webhooks" }
}
