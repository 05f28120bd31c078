import HehoEngine
import PlatformKit

/// A HeHo chatbot's chat, `POST /api/aichat`.
///
/// HeHo keeps no conversation: each turn sends the earlier turns as `history`, so a test
/// conversation is a `StatelessConversation` over this chat.
struct HeHoChat: StatelessChat {
  /// The chatbot talked to.
  let chatbot: LiveResource

  func request(for message: String, history: [TranscriptMessage]) throws -> HTTPRequest {
    let user = TranscriptMessage(role: "user", content: message)
    let body = HeHoChatRequest(chatbotId: chatbot.id, messages: [user], history: history)
    return HTTPRequest(method: "POST", path: HeHoPaths.chat, body: try APIClient.json(body))
  }

  func reply(in response: HTTPResponse, client: APIClient, for line: String) throws -> String {
    try client.decode(HeHoChatAnswer.self, from: response, for: line).response
  }

  var effectsNotRecorded: String { "HeHo has no leads or webhooks" }
}
