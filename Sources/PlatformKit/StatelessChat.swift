import HehoEngine

/// A chat API that keeps no conversation (HeHo's chat, Heppu's local test chat): each turn
/// carries the earlier turns as history. A platform says here only how a turn is asked and how
/// its reply is read; `StatelessConversation` keeps the history, counts the turns and words the
/// failures the same way for every such platform.
public protocol StatelessChat: Sendable {
  /// The request asking `message` after the earlier turns `history` (user and assistant
  /// messages alternating, oldest first).
  func request(for message: String, history: [TranscriptMessage]) throws -> HTTPRequest

  /// The reply's text in `response`, decoded with `client` (whose errors name `line`).
  func reply(in response: HTTPResponse, client: APIClient, for line: String) throws -> String

  /// Why a conversation's effects (leads, webhook deliveries) cannot be checked: such a
  /// platform records none.
  var effectsNotRecorded: String { get }
}
