import HehoEngine
import HehoManifest
import PlatformKit

extension HeHoProvider {
  /// A chatbot converses through `POST /api/aichat`; tables and the other kinds do not.
  public func openConversation(with target: LiveResource, live: LiveState) async throws
    -> ConversationOpening
  {
    guard HeHoKind.chatbot.matches(target.address) else {
      return .doesNotConverse(target, on: name)
    }
    return .opened(
      StatelessConversation(writes: writes, target: target, chat: HeHoChat(chatbot: target)))
  }
}
