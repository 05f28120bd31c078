import Foundation
import Testing

@testable import BotHeroLocalServer
@testable import HeHoLocalServer
@testable import HeppuLocalServer
@testable import LocalServerKit

/// The `Heho-Local-Sources` header of the three chat endpoints: its encoding, and the sources
/// each platform's local reply names (none for an "I don't know").
@Suite("Reply sources")
struct LocalReplySourcesTests {
  @Test(
    "sources are percent-encoded and joined with commas, and decode back",
    arguments: [
      ([], ""), (["products"], "products"), (["returns.md"], "returns.md"),
      (["returns policy.md"], "returns%20policy.md"),
      (["a,b.md", "c_d~e-f.txt"], "a%2Cb.md,c_d~e-f.txt"),
      (["Tarifs été.md"], "Tarifs%20%C3%A9t%C3%A9.md"), (["100%/x"], "100%25%2Fx"),
    ])
  func encoding(_ sources: [String], _ value: String) {
    #expect(ReplySources.encode(sources) == value)
    #expect(ReplySources.decode(value) == sources)
  }

  @Test(
    "a value out of the format decodes to nil",
    arguments: ["a,,b", ",", "a,", "%2", "%zz", "a b", "a%2", "%C3", "é"])
  func malformed(_ value: String) {
    #expect(ReplySources.decode(value) == nil, "\(value)")
  }

  @Test("BotHero names the document of the best passage, encoded; none for I don't know")
  func bothero() async throws {
    let server = try await SourcesServer.start()
    let botID = try await BotHeroChatTests.bot(server.bothero)
    for (name, text) in [
      ("returns, policy 2026.md", "Unused items can be returned within 30 days."),
      ("hours.md", "We are open Monday through Friday."),
    ] {
      let uploaded = try await server.bothero.upload([
        ("bot_id", nil, Data(botID.utf8)), ("name", nil, Data(name.utf8)),
        ("file", "doc.md", Data(text.utf8)),
      ])
      #expect(uploaded.json["name"] == .string(name), "\(uploaded.json)")
    }
    let grounded = try await server.call(
      "POST", "/v1/chat/completions",
      #"{"bot_id": "\#(botID)", "message": "Can items be returned?", "conversation_id": "c1"}"#)
    #expect(grounded.status == 200)
    #expect(grounded.sources == "returns%2C%20policy%202026.md")
    #expect(ReplySources.decode(grounded.sources ?? "") == ["returns, policy 2026.md"])
    // The body is the seed's shape, nothing added.
    #expect(
      Set(grounded.json.objectKeys)
        == ["id", "bot_id", "conversation_id", "role", "content", "model", "usage"])
    let unknown = try await server.call(
      "POST", "/v1/chat/completions",
      #"{"bot_id": "\#(botID)", "message": "Do you sell bicycles?", "conversation_id": "c1"}"#)
    #expect(unknown.json["content"] == .string(ChatResponder.unknown))
    #expect(unknown.sources == "")
    try await server.stop()
  }

  @Test("HeHo names the table of the best row; none for I don't know")
  func heho() async throws {
    let server = try await SourcesServer.start()
    let chatbotID = try await Self.productsChatbot(server)
    let grounded = try await server.call(
      "POST", "/api/aichat",
      #"{"chatbotId": "\#(chatbotID)", "messages": [{"role": "user", "content": "How much is the kettle?"}]}"#
    )
    #expect(grounded.status == 200, "\(grounded.json)")
    #expect(grounded.sources == "products")
    #expect(Set(grounded.json.objectKeys) == ["chatbotId", "response", "model", "local"])
    let unknown = try await server.call(
      "POST", "/api/aichat",
      #"{"chatbotId": "\#(chatbotID)", "messages": [{"role": "user", "content": "Any bicycles?"}]}"#
    )
    #expect(unknown.json["response"] == .string(AccountController.unknown))
    #expect(unknown.sources == "")
    try await server.stop()
  }

  @Test("Heppu names the instructions; none for I don't know")
  func heppu() async throws {
    let server = try await SourcesServer.start()
    let agentID = try await Self.agent(server)
    let grounded = try await server.call(
      "POST", "/api/v1/agents/\(agentID)/test", #"{"message": "Are returns free?"}"#)
    #expect(grounded.status == 200, "\(grounded.json)")
    #expect(grounded.sources == "instructions")
    #expect(grounded.json["data"]?["reply"] == .string("Returns are free within 30 days."))
    let unknown = try await server.call(
      "POST", "/api/v1/agents/\(agentID)/test", #"{"message": "Any bicycles?"}"#)
    #expect(unknown.json["data"]?["reply"] == .string(AgentExtrasController.unknown))
    #expect(unknown.sources == "")
    try await server.stop()
  }

  /// A HeHo chatbot that may read a `products` table of two rows; its ID.
  static func productsChatbot(_ server: SourcesServer) async throws -> String {
    let table = try await server.call(
      "POST", "/api/v1/database/tables",
      #"{"tableName": "products", "columns": [{"name": "name", "type": "text"}, {"name": "price", "type": "text"}]}"#
    )
    #expect(table.status == 201, "\(table.json)")
    for (name, price) in [("kettle", "30 EUR"), ("toaster", "45 EUR")] {
      let row = try await server.call(
        "POST", "/api/v1/database/manage",
        #"{"action": "add", "tableName": "products", "data": {"name": "\#(name)", "price": "\#(price)"}}"#
      )
      #expect(row.status == 201, "\(row.json)")
    }
    let chatbot = try await server.call(
      "POST", "/api/v1/chatbots/manage",
      chatbotJSON(name: "shop", extra: #""data_table_1": "products", "data_table_1_read": true"#))
    return try #require(chatbot.json["chatbot"]?["id"]?.stringValue, "\(chatbot.json)")
  }

  /// A Heppu chat agent whose instructions speak of shipping and returns; its ID.
  static func agent(_ server: SourcesServer) async throws -> String {
    let created = try await server.call(
      "POST", "/api/v1/agents",
      #"{"name": "Web", "type": "chat", "instructions": "Shipping takes three days.\n\nReturns are free within 30 days."}"#
    )
    return try #require(created.json["data"]?["id"]?.stringValue, "\(created.json)")
  }
}

extension JSONValue {
  /// An object's member names; none for other types.
  var objectKeys: [String] {
    guard case .object(let fields) = self else { return [] }
    return Array(fields.keys)
  }
}
