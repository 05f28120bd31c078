import Foundation
import HehoEngine
import HehoManifest
import HeppuProvider
import PlatformKit
import Testing

@Suite struct HeppuConversationTests {
  /// Keeps the test chat's request bodies and answers turn N with "reply N".
  private actor TestChat: HTTPTransport {
    private(set) var bodies: [Value?] = []
    private(set) var lines: [String] = []

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
      lines.append(request.line)
      bodies.append(request.body.flatMap(JSONValueReader.value(of:)))
      let body = #"{"success": true, "data": {"reply": "reply \#(bodies.count)", "model": "m"}}"#
      return HTTPResponse(status: 200, body: Data(body.utf8))
    }
  }

  static let agent = LiveResource(
    address: ResourceAddress(kind: "agent", name: "concierge"), id: "agt_5", fields: [:])

  private static func open(_ chat: TestChat, localExtras: Bool) async throws -> ConversationOpening
  {
    var access = PlatformAccess(
      endpoint: URL(filePath: "/"), apiKey: "hp_test_key", transport: chat,
      retry: RetryPolicy(maxAttempts: 1, sleep: { _ in }, random: { 0 }))
    access.localExtras = localExtras
    return try await HeppuProvider(access: access).openConversation(
      with: agent, live: LiveState(resources: [agent], readsMade: 0))
  }

  @Test func aLiveHeppuHasNoConversationAPI() async throws {
    let chat = TestChat()
    guard case .notRunnable(let reason) = try await Self.open(chat, localExtras: false) else {
      Issue.record("a live Heppu opened a conversation")
      return
    }
    #expect(
      reason
        == "Heppu has no conversation API: agent tests run on the local platform (heho test --local)"
    )
    #expect(await chat.lines.isEmpty)
  }

  @Test func theLocalTestChatIsSentTheGrowingHistory() async throws {
    let chat = TestChat()
    guard case .opened(let conversation) = try await Self.open(chat, localExtras: true) else {
      Issue.record("the local test chat did not open")
      return
    }
    #expect(try await conversation.send("Hi") == ConversationReply(text: "reply 1", sources: nil))
    #expect(try await conversation.send("Opening hours?").text == "reply 2")
    let expected = [
      #"{"message": "Hi", "history": []}"#,
      #"{"message": "Opening hours?", "history": [{"role": "user", "content": "Hi"}, "#
        + #"{"role": "assistant", "content": "reply 1"}]}"#,
    ].map { JSONValueReader.value(of: Data($0.utf8)) }
    #expect(await chat.bodies == expected)
    #expect(await chat.lines == ["POST /agents/agt_5/test", "POST /agents/agt_5/test"])
    #expect(
      try await conversation.check(.leadCaptured(true))
        == .notCheckable("Heppu has no leads or webhooks"))
  }
}
