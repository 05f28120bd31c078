import Crypto
import Foundation
import HehoTestSupport
import Testing

@testable import BotHeroLocalServer
@testable import LocalServerKit

/// The local BotHero's knowledge uploads, grounded chat, conversations, analytics, signed
/// webhook deliveries and rate limits.
@Suite("BotHero knowledge, chat and deliveries")
struct BotHeroChatTests {
  typealias Server = BotHeroAPITests.Server

  static let faq = """
    Opening hours: we are open Monday through Friday, 9 AM to 6 PM EST.

    Returns: unused items can be returned within 30 days for a full refund.
    """

  static func bot(_ server: Server, leadCapture: Bool = false) async throws -> String {
    let created = try await server.call(
      "POST", "/v1/bots", #"{"name": "support", "lead_capture": \#(leadCapture)}"#)
    return try #require(created.json["id"]?.stringValue)
  }

  @Test("uploads are hashed and listed; bad uploads say what is wrong")
  func uploads() async throws {
    let server = try await Server.start()
    let botID = try await Self.bot(server)
    let content = Data(Self.faq.utf8)
    let uploaded = try await server.upload([
      ("bot_id", nil, Data(botID.utf8)), ("file", "faq.md", content),
    ])
    #expect(uploaded.status == 201, "\(uploaded.json)")
    let expected = Hex.string(SHA256.hash(data: content))
    #expect(uploaded.json["sha256"] == .string(expected))
    #expect(uploaded.json["size"] == .integer(Int64(content.count)))
    #expect(uploaded.json["name"] == .string("faq.md"))
    #expect(uploaded.json["content_type"] == .string("text/markdown"))

    let cases:
      [(parts: [(name: String, file: String?, content: Data)], status: Int, field: String)] = [
        ([("bot_id", nil, Data(botID.utf8))], 400, "file"),
        ([("bot_id", nil, Data(botID.utf8)), ("file", "empty.md", Data())], 400, "file"),
        ([("bot_id", nil, Data(botID.utf8)), ("document", "faq.md", content)], 400, "document"),
        ([("bot_id", nil, Data(botID.utf8)), ("file", "faq.exe", content)], 400, "file"),
        ([("bot_id", nil, Data("bot_nope".utf8)), ("file", "faq.md", content)], 404, "bot_id"),
        (
          [
            ("bot_id", nil, Data(botID.utf8)),
            ("file", "big.txt", Data(count: Server.documentLimit + 1)),
          ], 413, "file"
        ),
      ]
    for (parts, status, field) in cases {
      let refused = try await server.upload(parts)
      #expect(refused.status == status, "\(parts.map(\.name)): \(refused.json)")
      #expect(refused.json["error"]?["param"] == .string(field), "\(refused.json)")
    }
    let notMultipart = try await server.upload(
      [("file", "faq.md", content)], contentType: "application/json")
    #expect(notMultipart.status == 415)

    #expect(BotHeroLocalModule().maximumDocumentSize == 10 * 1024 * 1024)
    let listed = try await server.call("GET", "/v1/knowledge/documents?bot_id=\(botID)")
    #expect(listed.json["data"]?[0]?["sha256"] == .string(expected))
    #expect(listed.json["data"]?[1] == nil)
    let id = try #require(uploaded.json["id"]?.stringValue)
    #expect(try await server.call("DELETE", "/v1/knowledge/\(id)").status == 200)
    #expect(try await server.call("DELETE", "/v1/knowledge/\(id)").status == 404)
    await server.stop()
  }

  @Test("the seed's chat example is answered in its shape, from the bot's documents")
  func groundedChat() async throws {
    let server = try await Server.start()
    let botID = try await Self.bot(server, leadCapture: true)
    _ = try await server.upload([
      ("bot_id", nil, Data(botID.utf8)), ("file", "faq.md", Data(Self.faq.utf8)),
    ])
    let body = """
      {"bot_id": "\(botID)", "message": "What are your business hours?", "conversation_id": "conv_xyz789"}
      """
    let reply = try await server.call("POST", "/v1/chat/completions", body)
    #expect(reply.status == 200, "\(reply.json)")
    #expect(reply.json["role"] == .string("assistant"))
    #expect(reply.json["conversation_id"] == .string("conv_xyz789"))
    #expect(reply.json["bot_id"] == .string(botID))
    #expect(reply.json["model"] == .string("gpt-oss-120b"))
    #expect(reply.json["id"]?.stringValue?.hasPrefix("msg_") == true)
    #expect(
      reply.json["content"]?.stringValue?.contains("Monday through Friday, 9 AM to 6 PM") == true)
    #expect((reply.json["usage"]?["prompt_tokens"]?.intValue ?? 0) > 0)
    #expect((reply.json["usage"]?["completion_tokens"]?.intValue ?? 0) > 0)

    let unknown = try await server.call(
      "POST", "/v1/chat/completions",
      #"{"bot_id": "\#(botID)", "message": "Do you sell bicycles?", "conversation_id": "conv_xyz789"}"#
    )
    #expect(unknown.json["content"] == .string(ChatResponder.unknown))
    _ = try await server.call(
      "POST", "/v1/chat/completions",
      #"{"bot_id": "\#(botID)", "message": "Mail me at ada@example.com", "conversation_id": "conv_xyz789"}"#
    )
    let messages = try await server.call("GET", "/v1/conversations/conv_xyz789/messages")
    #expect(messages.json["data"]?[5]?["role"] == .string("assistant"))
    #expect(messages.json["data"]?[0]?["content"] == .string("What are your business hours?"))
    let leads = try await server.call("GET", "/v1/analytics/leads")
    #expect(leads.json["data"]?[0]?["email"] == .string("ada@example.com"))
    let overview = try await server.call("GET", "/v1/analytics/overview")
    #expect(
      overview.json
        == .object([
          "bots": .integer(1), "conversations": .integer(1), "messages": .integer(6),
          "leads": .integer(1), "documents": .integer(1),
        ]))
    let days = try await server.call("GET", "/v1/analytics/conversations")
    #expect(days.json["data"]?[0]?["messages"] == .integer(6))
    let conversations = try await server.call("GET", "/v1/conversations")
    #expect(conversations.json["data"]?[0]?["message_count"] == .integer(6))
    await server.stop()
  }

  @Test(
    "with --chat-endpoint, replies come from the model, given the instructions and the best passage"
  )
  func chatEndpoint() async throws {
    let model = try await FakeModelServer.start(reply: "We open at nine.")
    let server = try await Server.start(.init(chatEndpoint: model.url))
    let botID = try await Self.bot(server)
    _ = try await server.upload([
      ("bot_id", nil, Data(botID.utf8)), ("file", "faq.md", Data(Self.faq.utf8)),
    ])
    let reply = try await server.call(
      "POST", "/v1/chat/completions", #"{"bot_id": "\#(botID)", "message": "When are you open?"}"#)
    #expect(reply.json["content"] == .string("We open at nine."))
    let sent = try #require(model.bodies.first.flatMap { String(data: $0, encoding: .utf8) })
    #expect(sent.contains("gpt-oss-120b") && sent.contains("Monday through Friday"), "\(sent)")
    // HeHo's chat goes to the same server.
    let chatbot = try await server.call(
      "POST", "/api/v1/chatbots/manage",
      #"{"name": "helper", "goal": "Support", "description": "\#(String(repeating: "Answer questions. ", count: 12))", "model": "m1"}"#
    )
    let chatbotID = try #require(chatbot.json["chatbot"]?["id"]?.stringValue)
    let heho = try await server.call(
      "POST", "/api/aichat",
      #"{"chatbotId": "\#(chatbotID)", "messages": [{"role": "user", "content": "hi"}]}"#)
    #expect(heho.json["response"] == .string("We open at nine."))
    #expect(heho.json["local"] == .bool(false))
    await server.stop()
    model.stop()
  }

  @Test("events are delivered signed, retried after a failure, and recorded")
  func signedDeliveries() async throws {
    let receiver = try await WebhookReceiver.start(statuses: [500])
    let server = try await Server.start(
      .init(platformSettings: [BotHeroLocalSettings(deliveryBackoff: [0.05, 0.05, 0.05, 0.05])]))
    let botID = try await Self.bot(server)
    let secret = "receiver-secret-123"
    let hook = try await server.call(
      "POST", "/v1/webhooks",
      """
      {"name": "crm", "url": "\(receiver.url)", "events": ["conversation.started", "message.created"],
       "secret": "\(secret)"}
      """)
    let hookID = try #require(hook.json["id"]?.stringValue)
    _ = try await server.call(
      "POST", "/v1/chat/completions", #"{"bot_id": "\#(botID)", "message": "hello there"}"#)
    // conversation.started (failed once, then retried), and two message.created.
    let received = try await receiver.waitFor(4)
    #expect(received.count == 4)
    var events: [String: String] = [:]
    var ids: [String] = []
    for delivery in received {
      #expect(WebhookReceiver.verify(delivery, secret: secret), "\(delivery.signature)")
      let event = try #require(JSONValue.parse(String(decoding: delivery.body, as: UTF8.self)))
      let id = event["id"]?.stringValue ?? ""
      #expect(id.hasPrefix("evt_"))
      ids.append(id)
      events[id] = event["type"]?.stringValue
    }
    // Three events; the one that met the 500 arrived twice, with the same ID.
    #expect(
      events.values.sorted() == ["conversation.started", "message.created", "message.created"])
    #expect(Set(ids).count == 3)
    // Every event ends delivered; the one that met the 500 succeeded on a later attempt. (On a
    // loaded machine an attempt may also time out and be retried: counts are not fixed.)
    var attempts: [JSONValue] = []
    for _ in 0..<100 {
      let deliveries = try await server.call("GET", "/v1/webhooks/\(hookID)/deliveries")
      attempts = deliveries.json["data"]?.arrayValue ?? [JSONValue]()
      let delivered = Set(
        attempts.filter { $0["succeeded"] == .bool(true) }.compactMap {
          $0["event_id"]?.stringValue
        })
      if delivered.count == 3 { break }
      try await Task.sleep(for: .milliseconds(50))
    }
    let failed = try #require(attempts.first { $0["status_code"] == .integer(500) })
    #expect(failed["succeeded"] == .bool(false))
    #expect(
      attempts.contains {
        $0["event_id"] == failed["event_id"] && $0["succeeded"] == .bool(true)
          && ($0["attempt"]?.intValue ?? 0) >= 2
      })
    await server.stop()
    receiver.stop()
  }

  @Test("deliveries to a host that is not loopback are refused and recorded")
  func outsideHostsRefused() async throws {
    let server = try await Server.start()
    let hook = try await server.call(
      "POST", "/v1/webhooks",
      #"{"name": "far", "url": "https://hooks.example.com/x", "events": ["bot.updated"]}"#)
    let hookID = try #require(hook.json["id"]?.stringValue)
    let botID = try await Self.bot(server)
    _ = try await server.call("PATCH", "/v1/bots/\(botID)", #"{"temperature": 1}"#)
    var attempts: [JSONValue] = []
    for _ in 0..<100 where attempts.isEmpty {
      try await Task.sleep(for: .milliseconds(20))
      attempts =
        try await server.call("GET", "/v1/webhooks/\(hookID)/deliveries").json["data"]?.arrayValue
        ?? [JSONValue]()
    }
    #expect(attempts.count == 1)
    #expect(attempts.first?["error"]?.stringValue?.contains("--allow-webhook-hosts") == true)
    await server.stop()
  }

  @Test(
    "loopback hosts only, unless allowed",
    arguments: [
      ("127.0.0.1", true), ("127.9.9.9", true), ("localhost", true), ("[::1]", true),
      ("127.evil.example", false), ("10.0.0.1", false), ("hooks.example.com", false),
      ("128.0.0.1", false),
    ])
  func loopbackOnly(_ host: String, _ allowed: Bool) {
    #expect(DeliveryQueue.allows(host, allowed: []) == allowed)
    #expect(DeliveryQueue.allows(host, allowed: [host]))
  }

  @Test("an organization beyond its rate limit gets 429 with Retry-After")
  func rateLimited() async throws {
    let server = try await Server.start(.init(rateLimit: 2))
    // Twenty at once against two a second: whatever the machine's speed, most are refused.
    let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<20 { group.addTask { try await server.call("GET", "/v1/bots").status } }
      return try await group.reduce(into: [Int]()) { $0.append($1) }
    }
    #expect(statuses.filter { $0 == 429 }.count >= 5, "\(statuses)")
    #expect(statuses.contains(200))
    let refused = try await server.send(
      "GET", "/v1/bots", body: nil, headers: ["Authorization": "Bearer \(server.platform.apiKey)"])
    if refused.status == 429 {
      #expect(refused.json["error"]?["type"] == .string("rate_limit_error"))
    }
    // HeHo documents no rate limit: it is not limited.
    for _ in 0..<5 {
      #expect(try await server.call("POST", "/api/verify-user").status == 200)
    }
    await server.stop()
  }
}
