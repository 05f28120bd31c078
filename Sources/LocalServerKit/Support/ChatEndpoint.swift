import AsyncHTTPClient
import Foundation
import NIOCore

/// An OpenAI-compatible server the local platforms send chat replies to, when
/// `heho local serve --chat-endpoint URL` names one: `POST URL/chat/completions`.
package struct ChatEndpoint: Sendable {
  /// The server's base URL.
  package let url: String

  package init(url: String) {
    self.url = url
  }

  /// The server's reply to `messages` (`role`, `content`) with `model`; a 502 `LocalAPIError`
  /// when it cannot be reached or read.
  package func reply(model: String, messages: [[String: String]]) async throws -> String {
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
      url: url.hasSuffix("/") ? url + "chat/completions" : url + "/chat/completions")
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    request.body = .bytes(
      ByteBuffer(bytes: try JSONEncoder().encode(Body(model: model, messages: messages))))
    do {
      let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
      let body = try await response.body.collect(upTo: 4 * 1024 * 1024)
      guard (200..<300).contains(Int(response.status.code)),
        let content = try JSONDecoder().decode(Answer.self, from: Data(buffer: body)).choices
          .first?.message.content
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
