/// What a kind's resources are to conversation tests, for `heho test --coverage`: each role
/// is something a test can cover, and an uncovered one is listed.
public enum ConversationRole: String, Sendable, Hashable, Codable {
  /// A resource tests talk to (a chatbot, a bot, an agent): covered when a test targets it.
  case conversational
  /// A document replies are grounded in (a knowledge document): covered when a test's
  /// `citesDocument` names it.
  case document
  /// A webhook: covered when a test's `webhookDelivered` names it.
  case webhook
}
