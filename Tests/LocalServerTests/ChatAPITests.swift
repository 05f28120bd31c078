import Hummingbird
import PlatformRegistry
import Testing

@testable import HeHoLocalServer
@testable import LocalServerKit

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
      #expect(first.json["response"] == .string(AccountController.unknown))
    }
  }

  @Test("a chatbot answers from the rows of the tables it may read, and only those")
  func groundedInReadableRows() async throws {
    try await withPlatform { api in
      try await api.createTable(seedTableBody)
      for (name, email) in [
        ("Ada Lovelace", "ada@example.com"), ("Alan Turing", "alan@example.com"),
      ] {
        _ = try await api.rows(
          #"{"action": "add", "tableName": "customers", "data": {"name": "\#(name)", "email": "\#(email)"}}"#
        )
      }
      let reader = try await api.call(
        .post, "/api/v1/chatbots/manage",
        chatbotJSON(
          name: "reader", extra: #""data_table_1": "customers", "data_table_1_read": true"#))
      let readerID = try #require(reader.json["chatbot"]?["id"]?.stringValue)
      let blind = try await api.call(
        .post, "/api/v1/chatbots/manage",
        chatbotJSON(
          name: "blind", extra: #""data_table_1": "customers", "data_table_1_write": true"#))
      let blindID = try #require(blind.json["chatbot"]?["id"]?.stringValue)
      func ask(_ id: String) async throws -> String {
        let body =
          #"{"chatbotId": "\#(id)", "messages": [{"role": "user", "content": "What is Turing's email?"}]}"#
        return try await api.call(.post, "/api/aichat", body).json["response"]?.stringValue ?? ""
      }
      let answer = try await ask(readerID)
      #expect(answer.hasPrefix("From table \"customers\""), "\(answer)")
      #expect(answer.contains("alan@example.com") && !answer.contains("ada@example.com"))
      // Write access is not read access: that chatbot does not know.
      #expect(try await ask(blindID) == AccountController.unknown)
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
