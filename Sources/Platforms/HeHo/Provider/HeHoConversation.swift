import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// A test conversation with a HeHo chatbot through `POST /api/aichat`.
///
/// HeHo keeps no conversation: each turn sends the earlier turns as `history`, so the
/// conversation's state is that history, and a turn changes nothing on the platform (it is
/// re-sent safely after an unknown outcome).
actor HeHoConversation: Conversation {
  /// The calls, phrased and redacted like every other HeHo call.
  let writes: PlatformWrites
  /// The chatbot talked to.
  let chatbot: LiveResource
  /// The earlier turns, user and assistant messages alternating.
  private(set) var history: [HeHoChatRequest.Message] = []
  /// Turns sent so far.
  private(set) var turns = 0

  /// Opens a conversation with `chatbot` (a live chatbot, whose ID `chatbotId` names).
  init(writes: PlatformWrites, chatbot: LiveResource) {
    self.writes = writes
    self.chatbot = chatbot
  }

  func send(_ message: String) async throws -> ConversationReply {
    turns += 1
    let doing = "sending turn \(turns) to \(chatbot.address)"
    let user = HeHoChatRequest.Message(role: "user", content: message)
    let body = HeHoChatRequest(chatbotId: chatbot.id, messages: [user], history: history)
    let request = HTTPRequest(method: "POST", path: HeHoPaths.chat, body: try APIClient.json(body))
    // Idempotent: the platform keeps no state for a chat, so a retry only asks again. Not a
    // write: it changes no configuration.
    let response = try await writes.call(request, idempotent: true, write: false, doing: doing)
    let answer: HeHoChatAnswer
    do {
      answer = try writes.client.decode(HeHoChatAnswer.self, from: response, for: request.line)
    } catch let error as APIClientError {
      throw writes.failure(error, doing: doing)
    }
    history += [user, HeHoChatRequest.Message(role: "assistant", content: answer.response)]
    return ConversationReply(text: answer.response, sources: ReplySources.decode(response))
  }

  /// HeHo records neither leads nor webhook deliveries.
  func check(_ effect: ConversationEffect) async throws -> CheckOutcome {
    .notCheckable("HeHo has no leads or webhooks")
  }
}
