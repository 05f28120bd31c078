import HehoEngine
import HehoManifest

/// A test conversation through a `StatelessChat`: the platform keeps no conversation, so the
/// conversation's state is its history, sent again with each turn. A turn changes nothing on
/// the platform, so it is re-sent safely after an unknown outcome.
public actor StatelessConversation<Chat: StatelessChat>: Conversation {
  /// The calls, phrased and redacted like every other call to the platform.
  let writes: PlatformWrites
  /// The resource talked to (a chatbot, an agent), named in errors.
  let target: LiveResource
  /// How a turn is asked and its reply read.
  let chat: Chat
  /// The earlier turns, user and assistant messages alternating.
  private(set) var history: [TranscriptMessage] = []
  /// Turns sent so far.
  private(set) var turns = 0

  /// Opens a conversation with `target` through `chat`.
  public init(writes: PlatformWrites, target: LiveResource, chat: Chat) {
    self.writes = writes
    self.target = target
    self.chat = chat
  }

  public func send(_ message: String) async throws -> ConversationReply {
    turns += 1
    let doing = "sending turn \(turns) to \(target.address)"
    let request = try chat.request(for: message, history: history)
    // Idempotent: the platform keeps no state for a chat, so a retry only asks again. Not a
    // write: it changes no configuration.
    let response = try await writes.call(request, idempotent: true, write: false, doing: doing)
    let reply: String
    do {
      reply = try chat.reply(in: response, client: writes.client, for: request.line)
    } catch let error as APIClientError {
      throw writes.failure(error, doing: doing)
    }
    history += [
      TranscriptMessage(role: "user", content: message),
      TranscriptMessage(role: "assistant", content: reply),
    ]
    return ConversationReply(text: reply, sources: ReplySources.decode(response))
  }

  /// The platform records neither leads nor webhook deliveries.
  public func check(_ effect: ConversationEffect) async throws -> CheckOutcome {
    .notCheckable(chat.effectsNotRecorded)
  }
}
