import Foundation
import HehoEngine
import HehoManifest
import HehoTestSupport
import PlatformKit
import Testing

@testable import BotHeroProvider

@Suite struct BotHeroConversationTests {
  static let key = "bh_live_test_key_0123456789"
  static let bot = LiveResource(
    address: ResourceAddress(kind: "bot", name: "helpdesk"), id: "bot_7", fields: [:])
  static let webhook = LiveResource(
    address: ResourceAddress(kind: "webhook", name: "crm-leads"), id: "wh_9", fields: [:])

  static func conversation(
    _ transport: RecordingTransport, localExtras: Bool = true,
    polling: DeliveryPolling = DeliveryPolling(interval: .milliseconds(1), timeout: .seconds(5))
  ) async throws -> any Conversation {
    var access = PlatformAccess(
      endpoint: URL(filePath: "/"), apiKey: key, transport: transport,
      retry: RetryPolicy(maxAttempts: 3, sleep: { _ in }, random: { 0 }))
    access.localExtras = localExtras
    var provider = BotHeroProvider(access: access)
    provider.deliveryPolling = polling
    let live = LiveState(resources: [bot, webhook], readsMade: 0)
    guard
      case .opened(let conversation) = try await provider.openConversation(with: bot, live: live)
    else { throw ProviderError("the bot's conversation did not open") }
    return conversation
  }

  static func reply(_ text: String) -> HTTPResponse {
    RecordingTransport.json(#"{"id": "msg_1", "role": "assistant", "content": "\#(text)"}"#)
  }

  /// The conversation ID the first chat request named.
  static func conversationID(_ transport: RecordingTransport) async -> String? {
    await transport.bodies("POST /chat/completions").first??["conversation_id"]?.stringValue
  }

  @Test func everyTurnAndItsRetryNameTheSameConversation() async throws {
    let transport = RecordingTransport { request, earlier in
      earlier == 1
        ? RecordingTransport.json(#"{"error": {"message": "busy"}}"#, status: 500)
        : Self.reply("reply \(earlier)")
    }
    let conversation = try await Self.conversation(transport)
    #expect(try await conversation.send("Hello") == ConversationReply(text: "reply 0"))
    #expect(try await conversation.send("My email is ann@example.com").text == "reply 2")
    let id = try #require(await Self.conversationID(transport))
    #expect(id.hasPrefix("heho-test-") && id.count <= 100)
    let expected = ["Hello", "My email is ann@example.com", "My email is ann@example.com"].map {
      RecordingTransport.value(
        #"{"bot_id": "bot_7", "message": "\#($0)", "conversation_id": "\#(id)"}"#)
    }
    #expect(await transport.bodies("POST /chat/completions") == expected)
  }

  @Test func twoConversationsHaveTwoIDs() async throws {
    let first = RecordingTransport { _, _ in Self.reply("hi") }
    let second = RecordingTransport { _, _ in Self.reply("hi") }
    _ = try await Self.conversation(first).send("Hello")
    _ = try await Self.conversation(second).send("Hello")
    #expect(await Self.conversationID(first) != Self.conversationID(second))
  }

  @Test func repliesCarryTheSourcesHeaderWhenThereIsOne() async throws {
    let transport = RecordingTransport { _, earlier in
      var response = Self.reply("From returns.md")
      if earlier == 0 { response.headers["heho-local-sources"] = "returns.md,faq%20v2.md" }
      return response
    }
    let conversation = try await Self.conversation(transport)
    #expect(try await conversation.send("Returns?").sources == ["returns.md", "faq v2.md"])
    #expect(try await conversation.send("Returns?").sources == nil)
  }

  /// A conversation whose ID is `heho-test-1`, made directly.
  static func known(
    _ transport: RecordingTransport, localExtras: Bool = true,
    polling: DeliveryPolling = DeliveryPolling(interval: .milliseconds(1), timeout: .seconds(5))
  ) -> BotHeroConversation {
    let client = APIClient(
      transport: transport, apiKey: key, retry: RetryPolicy(sleep: { _ in }, random: { 0 }))
    return BotHeroConversation(
      writes: PlatformWrites(client: client, displayName: "BotHero"), bot: bot,
      live: LiveState(resources: [bot, webhook], readsMade: 0), localExtras: localExtras,
      polling: polling, conversationID: "heho-test-1")
  }

  /// Lists one lead of another conversation and, when `own`, one of `heho-test-1`.
  static func leads(own: Bool) -> RecordingTransport {
    RecordingTransport { _, _ in
      let ownLead =
        own
        ? #", {"id": "lead_2", "conversation_id": "heho-test-1", "email": "ann@example.com"}"# : ""
      return RecordingTransport.json(
        #"{"data": [{"id": "lead_1", "conversation_id": "conv_other", "email": "bob@example.com"}"#
          + ownLead + "]}")
    }
  }

  @Test func aLeadCountsOnlyWhenItIsThisConversations() async throws {
    let captured = Self.leads(own: true)
    let conversation = Self.known(captured)
    #expect(
      try await conversation.check(.leadCaptured(true))
        == .passed("a lead was captured: ann@example.com"))
    #expect(
      try await conversation.check(.leadCaptured(false))
        == .failed("a lead was captured: ann@example.com"))
    let request = try #require(await captured.requests.last)
    #expect(request.line == "GET /analytics/leads")
    #expect(request.query == [HTTPRequest.QueryItem("bot_id", "bot_7")])

    let other = Self.known(Self.leads(own: false))
    let none = "no lead was captured in this conversation"
    #expect(try await other.check(.leadCaptured(true)) == .failed(none))
    #expect(try await other.check(.leadCaptured(false)) == .passed(none))
  }
}
