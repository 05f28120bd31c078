import AsyncHTTPClient
import Foundation
import HehoLocal
import NIOCore

/// Writes a bot's reply: from its own knowledge documents (keyword ranking), or from an
/// OpenAI-compatible server when `heho local serve --chat-endpoint URL` names one.
struct ChatResponder: Sendable {
  /// The OpenAI-compatible server, or `nil` for local replies.
  let endpoint: String?

  static let unknown = "I don't know: none of my documents mention that."

  func reply(
    to message: String, bot: Bot, history: [Message], documents: [(name: String, text: String)]
  ) async throws -> String {
    let best = KeywordRanker.best(for: message, in: documents)
    guard let endpoint else {
      guard let best else { return Self.unknown }
      return "From \"\(best.document)\": \"\(best.passage)\""
    }
    var system = bot.instructions
    if let best { system += "\n\nFrom \"\(best.document)\":\n\(best.passage)" }
    var messages: [[String: String]] = [["role": "system", "content": system]]
    messages += history.map { ["role": $0.role, "content": $0.content] }
    messages.append(["role": "user", "content": message])
    struct Body: Encodable {
      var model: String
      var messages: [[String: String]]
    }
    struct Answer: Decodable {
      struct Choice: Decodable {
        struct Content: Decodable { var content: String? }
        var message: Content
      }
      var choices: [Choice]
    }
    var request = HTTPClientRequest(
      url: endpoint.hasSuffix("/") ? endpoint + "chat/completions" : endpoint + "/chat/completions")
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    request.body = .bytes(
      ByteBuffer(data: try JSONEncoder().encode(Body(model: bot.model, messages: messages))))
    do {
      let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
      let body = try await response.body.collect(upTo: 4 * 1024 * 1024)
      guard (200..<300).contains(Int(response.status.code)),
        let content = try JSONDecoder().decode(Answer.self, from: Data(buffer: body)).choices.first?
          .message.content
      else {
        throw LocalAPIError(
          status: .badGateway, message: "the chat endpoint answered \(response.status.code)")
      }
      return content
    } catch let error as LocalAPIError {
      throw error
    } catch {
      throw LocalAPIError(
        status: .badGateway, message: "the chat endpoint could not be reached or read")
    }
  }
}
