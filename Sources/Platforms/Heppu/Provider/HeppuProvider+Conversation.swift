import HehoEngine
import HehoManifest
import PlatformKit

extension HeppuProvider {
  /// An agent converses through HehoLocal's test chat; a live Heppu has no conversation API,
  /// so there a test is not runnable (neither a pass nor a silent skip).
  public func openConversation(with target: LiveResource, live: LiveState) async throws
    -> ConversationOpening
  {
    guard HeppuKind(address: target.address) == .agent else {
      return .doesNotConverse(target, on: name)
    }
    guard localExtras else {
      return .notRunnable(
        "Heppu has no conversation API: agent tests run on the local platform (heho test --local)")
    }
    return .opened(
      StatelessConversation(writes: writes, target: target, chat: HeppuTestChat(agent: target)))
  }
}
