import HehoEngine
import HehoManifest
import PlatformKit

extension BotHeroProvider {
  /// A bot converses through `POST /chat/completions`; documents and webhooks do not.
  public func openConversation(with target: LiveResource, live: LiveState) async throws
    -> ConversationOpening
  {
    guard BotHeroKind.bot.matches(target.address) else {
      return .doesNotConverse(target, on: name)
    }
    return .opened(
      BotHeroConversation(
        writes: writes, bot: target, live: live, localExtras: localExtras,
        polling: deliveryPolling))
  }
}
