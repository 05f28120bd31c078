import HehoPlatforms
import Hummingbird
import Testing

@testable import HeHoLocal
@testable import HehoLocal

@Suite("Chat API")
struct ChatAPITests {
  @Test("the seed's chat example: unknown bot 404, a real bot gets a deterministic local reply")
  func chat() async throws {
    try await withPlatform { api in
      let seedBody =
        #"{"chatbotId": "YOUR_AGENT_ID", "messages": [{"role": "user", "content": "Hello?"}]}"#
      let unknown = try await api.call(.post, "/api/aichat", seedBody)
      #expect(unknown.status == .notFound)
      #expect(unknown.field == "chatbotId")
      let bot = try await api.call(.post, "/api/v1/chatbots/manage", chatbotJSON(name: "helper"))
      let id = try #require(bot.json["chatbot"]?["id"]?.stringValue)
      let body = seedBody.replacingOccurrences(of: "YOUR_AGENT_ID", with: id)
      let first = try await api.call(.post, "/api/aichat", body)
      let second = try await api.call(.post, "/api/aichat", body)
      #expect(first.status == .ok)
      #expect(first.json == second.json)
      #expect(first.json["chatbotId"] == .string(id))
      #expect(first.json["local"] == .bool(true))
      #expect(first.json["model"] == .string("qwen/qwen3-next-80b-a3b-instruct:free"))
      let text = first.json["response"]?.stringValue ?? ""
      #expect(text.contains("no model"))
      #expect(text.contains("Hello?"))
    }
  }

  @Test("chatbotId and messages are required")
  func required() async throws {
    try await withPlatform { api in
      let noID = try await api.call(
        .post, "/api/aichat", #"{"messages": [{"role": "user", "content": "x"}]}"#)
      #expect(noID.status == .badRequest)
      #expect(noID.field == "chatbotId")
      for body in [#"{"chatbotId": "x"}"#, #"{"chatbotId": "x", "messages": []}"#] {
        let response = try await api.call(.post, "/api/aichat", body)
        #expect(response.status == .badRequest)
        #expect(response.field == "messages")
      }
      let wrongType = try await api.call(
        .post, "/api/aichat", #"{"chatbotId": "x", "messages": "hi"}"#)
      #expect(wrongType.status == .badRequest)
      #expect(wrongType.field == "messages")
    }
  }
}
