import Foundation
import LocalServerKit

/// Writes a bot's reply: from its own knowledge documents (keyword ranking), or from an
/// OpenAI-compatible server when `heho local serve --chat-endpoint URL` names one.
struct ChatResponder: Sendable {
  /// The OpenAI-compatible server, or `nil` for local replies.
  let endpoint: String?

  static let unknown = "I don't know: none of my documents mention that."

  /// A reply and the names of the documents it was grounded on (the one the best passage came
  /// from, or none), for the `Heho-Local-Sources` header.
  struct Reply: Sendable {
    var content: String
    var sources: [String]
  }

  func reply(
    to message: String, bot: Bot, history: [Message], documents: [(name: String, text: String)]
  ) async throws -> Reply {
    let best = KeywordRanker.best(for: message, in: documents)
    let sources = best.map { [$0.document] } ?? []
    guard let endpoint else {
      guard let best else { return Reply(content: Self.unknown, sources: []) }
      return Reply(content: "From \"\(best.document)\": \"\(best.passage)\"", sources: sources)
    }
    var system = bot.instructions
    if let best { system += "\n\nFrom \"\(best.document)\":\n\(best.passage)" }
    var messages: [[String: String]] = [["role": "system", "content": system]]
    messages += history.map { ["role": $0.role, "content": $0.content] }
    messages.append(["role": "user", "content": message])
    let content = try await ChatEndpoint(url: endpoint).reply(model: bot.model, messages: messages)
    return Reply(content: content, sources: sources)
  }
}
