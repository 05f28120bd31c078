import HehoManifest

/// One test conversation with a live conversational resource (a HeHo chatbot, a BotHero bot, a
/// Heppu agent), opened by its platform's provider (`Provider.openConversation`).
///
/// The turns of one conversation are sent in order and share its context: what a platform
/// needs to keep them together (the history it is sent again, a conversation ID) is the
/// conversation's own state, so an implementation is an actor. Faults (429, 5xx, dropped
/// connections) are retried by the platform's client as in apply; an error thrown here means
/// the conversation could not go on, and the test reports it as not run, never as failed.
public protocol Conversation: Actor {
  /// Sends the next user message and returns the reply.
  ///
  /// - Throws: `ProviderError` when the platform could not be reached or refused the message.
  func send(_ message: String) async throws -> ConversationReply

  /// Checks an effect of the conversation so far. A platform that cannot tell answers
  /// `.notCheckable` with the reason, never `.passed`.
  func check(_ effect: ConversationEffect) async throws -> CheckOutcome
}

/// What a conversation turn got back.
public struct ConversationReply: Sendable, Hashable, Codable {
  /// The reply's text.
  public var text: String
  /// The documents (or tables, or instructions) the platform says the reply was grounded on;
  /// `nil` when the platform does not say, which makes `citesDocument` not checkable.
  public var sources: [String]?

  /// Creates a reply.
  public init(text: String, sources: [String]? = nil) {
    self.text = text
    self.sources = sources
  }
}

/// An effect a turn may have on the platform, beyond its reply.
public enum ConversationEffect: Sendable, Hashable {
  /// Whether the platform recorded a lead from this conversation (`true`) or none (`false`).
  case leadCaptured(Bool)
  /// Whether the platform delivered (or attempted to deliver) an event of type `event` from
  /// this conversation to the webhook named `webhook` (its manifest name).
  case webhookDelivered(webhook: String, event: String)
}

/// How a provider answers `openConversation`: a conversation, or why the target cannot hold
/// one on this platform (Heppu has no public conversation API). "Not runnable" is reported as
/// such: neither a pass nor a silent skip.
public enum ConversationOpening: Sendable {
  /// The conversation, ready for its first turn.
  case opened(any Conversation)
  /// Why no conversation can be held here.
  case notRunnable(String)

  /// `target` is of a kind that holds no conversations on `platform` (a table, a webhook):
  /// worded once for every provider.
  public static func doesNotConverse(_ target: LiveResource, on platform: String) -> Self {
    .notRunnable("\(target.address.kind) resources of \(platform) do not hold conversations")
  }
}
