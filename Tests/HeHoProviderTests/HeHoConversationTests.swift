import Foundation
import HeHoProvider
import HehoEngine
import HehoManifest
import HehoTestSupport
import PlatformKit
import Testing

@Suite struct HeHoConversationTests {
  static let key = "hh_test_key_0123456789"
  static let chatbot = LiveResource(
    address: ResourceAddress(kind: "chatbot", name: "helpdesk"), id: "cb_42", fields: [:])

  static func open(_ transport: RecordingTransport, target: LiveResource = chatbot) async throws
    -> ConversationOpening
  {
    let client = APIClient(transport: transport, apiKey: key, retry: .immediate())
    return try await HeHoProvider(client: client).openConversation(
      with: target, live: LiveState(resources: [target], readsMade: 0))
  }

  static func conversation(_ transport: RecordingTransport) async throws -> any Conversation {
    guard case .opened(let conversation) = try await open(transport) else {
      throw ProviderError("the chatbot's conversation did not open")
    }
    return conversation
  }

  /// Answers turn N with "reply N"; the first attempt of the second turn fails with 500.
  static func answering() -> RecordingTransport {
    RecordingTransport { _, earlier in
      if earlier == 1 { return RecordingTransport.json(#"{"error": "busy"}"#, status: 500) }
      let turn = earlier == 0 ? 1 : earlier
      return RecordingTransport.json(
        #"{"chatbotId": "cb_42", "response": "reply \#(turn)", "model": "m", "local": true}"#,
        headers: turn == 1 ? ["Heho-Local-Sources": "table%3Aorders"] : [:])
    }
  }

  @Test func eachTurnSendsTheWholeHistoryAndReadsTheReply() async throws {
    let transport = Self.answering()
    let conversation = try await Self.conversation(transport)
    let first = try await conversation.send("Where is my order?")
    let second = try await conversation.send("And the invoice?")
    let third = try await conversation.send("Thanks")
    #expect(first == ConversationReply(text: "reply 1", sources: ["table:orders"]))
    #expect(second == ConversationReply(text: "reply 2", sources: nil))
    #expect(third.text == "reply 3")
    let user = #"{"role": "user", "content": "#
    let bot = #"{"role": "assistant", "content": "#
    let expected = [
      #"{"chatbotId": "cb_42", "messages": [\#(user)"Where is my order?"}], "history": []}"#,
      #"{"chatbotId": "cb_42", "messages": [\#(user)"And the invoice?"}], "history": ["#
        + #"\#(user)"Where is my order?"}, \#(bot)"reply 1"}]}"#,
      // The retry after the 500 sends the same body again.
      #"{"chatbotId": "cb_42", "messages": [\#(user)"And the invoice?"}], "history": ["#
        + #"\#(user)"Where is my order?"}, \#(bot)"reply 1"}]}"#,
      #"{"chatbotId": "cb_42", "messages": [\#(user)"Thanks"}], "history": ["#
        + #"\#(user)"Where is my order?"}, \#(bot)"reply 1"}, "#
        + #"\#(user)"And the invoice?"}, \#(bot)"reply 2"}]}"#,
    ].map(RecordingTransport.value)
    #expect(await transport.bodies("POST /api/aichat") == expected)
  }

  @Test func effectsAreNotCheckableOnHeho() async throws {
    let conversation = try await Self.conversation(Self.answering())
    let reason = CheckOutcome.notCheckable("HeHo has no leads or webhooks")
    #expect(try await conversation.check(.leadCaptured(true)) == reason)
    #expect(
      try await conversation.check(.webhookDelivered(webhook: "crm", event: "lead.captured"))
        == reason)
  }

  @Test func aTableDoesNotConverse() async throws {
    let table = LiveResource(
      address: ResourceAddress(kind: "table", name: "orders"), id: "orders", fields: [:])
    guard case .notRunnable(let reason) = try await Self.open(Self.answering(), target: table)
    else {
      Issue.record("a table opened a conversation")
      return
    }
    #expect(reason == "table resources of heho do not hold conversations")
  }

  @Test func aRefusedTurnSaysWhichTurnAndNeverTheKey() async throws {
    let transport = RecordingTransport { _, earlier in
      earlier == 0
        ? RecordingTransport.json(#"{"chatbotId": "cb_42", "response": "hi"}"#)
        : RecordingTransport.json(#"{"error": "bad key \#(Self.key)"}"#, status: 403)
    }
    let conversation = try await Self.conversation(transport)
    _ = try await conversation.send("Hello")
    await #expect {
      _ = try await conversation.send("Again")
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix("sending turn 2 to chatbot/helpdesk: HeHo refused it with 403")
        && !text.contains(Self.key)
    }
  }
}
