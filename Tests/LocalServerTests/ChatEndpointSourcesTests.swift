import Foundation
import HehoTestSupport
import Testing

@testable import LocalServerKit

/// With `--chat-endpoint`, the sources are what went into the model's system prompt, and a
/// Heppu test chat's history goes to the model between the system prompt and the message.
@Suite("Reply sources with a chat endpoint")
struct ChatEndpointSourcesTests {
  @Test("each platform names what its system prompt held")
  func sourcesFromThePrompt() async throws {
    let model = try await FakeModelServer.start(reply: "Model says hi.")
    let server = try await SourcesServer.start(.init(chatEndpoint: model.url))
    let botID = try await BotHeroChatTests.bot(server.bothero)
    _ = try await server.bothero.upload([
      ("bot_id", nil, Data(botID.utf8)), ("name", nil, Data("faq one.md".utf8)),
      ("file", "faq.md", Data("Returns are free within 30 days.".utf8)),
    ])
    let bothero = try await server.call(
      "POST", "/v1/chat/completions", #"{"bot_id": "\#(botID)", "message": "Are returns free?"}"#)
    #expect(bothero.json["content"] == .string("Model says hi."))
    #expect(bothero.sources == "faq%20one.md")
    let nothing = try await server.call(
      "POST", "/v1/chat/completions", #"{"bot_id": "\#(botID)", "message": "Any bicycles?"}"#)
    #expect(nothing.sources == "")

    let chatbotID = try await LocalReplySourcesTests.productsChatbot(server)
    let heho = try await server.call(
      "POST", "/api/aichat",
      #"{"chatbotId": "\#(chatbotID)", "messages": [{"role": "user", "content": "The kettle?"}]}"#)
    #expect(heho.json["response"] == .string("Model says hi."))
    #expect(heho.sources == "products")
    let hehoNothing = try await server.call(
      "POST", "/api/aichat",
      #"{"chatbotId": "\#(chatbotID)", "messages": [{"role": "user", "content": "Bicycles?"}]}"#)
    #expect(hehoNothing.sources == "")

    let agentID = try await LocalReplySourcesTests.agent(server)
    let heppu = try await server.call(
      "POST", "/api/v1/agents/\(agentID)/test", #"{"message": "Any bicycles?"}"#)
    #expect(heppu.json["data"]?["reply"] == .string("Model says hi."))
    #expect(heppu.sources == "instructions")
    let bare = try await server.call("POST", "/api/v1/agents", #"{"name": "Bare", "type": "chat"}"#)
    let bareID = try #require(bare.json["data"]?["id"]?.stringValue)
    let uninstructed = try await server.call(
      "POST", "/api/v1/agents/\(bareID)/test", #"{"message": "Hello?"}"#)
    #expect(uninstructed.sources == "")
    try await server.stop()
    model.stop()
  }

  @Test("a Heppu test chat's history goes to the model, in order, before the message")
  func heppuHistoryToTheModel() async throws {
    let model = try await FakeModelServer.start(reply: "Sure.")
    let server = try await SourcesServer.start(.init(chatEndpoint: model.url))
    let agentID = try await LocalReplySourcesTests.agent(server)
    let answer = try await server.call(
      "POST", "/api/v1/agents/\(agentID)/test",
      """
      {"message": "And shipping?", "history": [
        {"role": "user", "content": "Are returns free?"},
        {"role": "assistant", "content": "Yes, within 30 days."}]}
      """)
    #expect(answer.status == 200, "\(answer.json)")
    let sent = try #require(
      model.bodies.last.flatMap { JSONValue.parse(String(decoding: $0, as: UTF8.self)) })
    let messages = sent["messages"]?.arrayValue ?? []
    #expect(messages.map { $0["role"]?.stringValue } == ["system", "user", "assistant", "user"])
    #expect(
      messages.map { $0["content"]?.stringValue }.dropFirst()
        == ["Are returns free?", "Yes, within 30 days.", "And shipping?"])
    #expect(
      messages.first?["content"]?.stringValue?.hasPrefix("Shipping takes three days.") == true)
    try await server.stop()
    model.stop()
  }
}
