import Foundation
import GRDB
import HehoTestSupport
import Testing

@testable import BotHeroLocalServer
@testable import LocalServerKit

/// BotHero's local delivery log names the conversation of a chat's events, so a conversation
/// test finds the deliveries its own turns caused; events of no conversation name none.
@Suite("BotHero deliveries by conversation")
struct DeliveryConversationTests {
  typealias Server = BotHeroAPITests.Server

  @Test("a chat's deliveries carry its conversation_id; a bot's event carries null")
  func conversationIDs() async throws {
    let receiver = try await WebhookReceiver.start()
    let server = try await Server.start()
    let botID = try await BotHeroChatTests.bot(server, leadCapture: true)
    let hook = try await server.call(
      "POST", "/v1/webhooks",
      """
      {"name": "crm", "url": "\(receiver.url)", "events": ["conversation.started",
       "message.created", "lead.captured", "bot.updated"]}
      """)
    let hookID = try #require(hook.json["id"]?.stringValue, "\(hook.json)")
    for conversation in ["conv_one", "conv_two"] {
      let reply = try await server.call(
        "POST", "/v1/chat/completions",
        #"{"bot_id": "\#(botID)", "message": "Mail me: ann@example.com", "conversation_id": "\#(conversation)"}"#
      )
      #expect(reply.status == 200, "\(reply.json)")
    }
    _ = try await server.call("PATCH", "/v1/bots/\(botID)", #"{"temperature": 0.5}"#)
    // Two conversations of four events each, and the bot's update: nine events, delivered in
    // the background (polled, with a bound).
    var attempts: [JSONValue] = []
    for _ in 0..<200 {
      attempts =
        try await server.call("GET", "/v1/webhooks/\(hookID)/deliveries").json["data"]?.arrayValue
        ?? []
      if Set(attempts.compactMap { $0["event_id"]?.stringValue }).count == 9 { break }
      try await Task.sleep(for: .milliseconds(50))
    }
    var byConversation: [String: [String]] = [:]
    for attempt in attempts {
      let type = attempt["event_type"]?.stringValue ?? "?"
      switch attempt["conversation_id"] {
      case .string(let id)?: byConversation[id, default: []].append(type)
      case .null?: byConversation["null", default: []].append(type)
      default: Issue.record("no conversation_id member in \(attempt)")
      }
    }
    let chat = ["conversation.started", "lead.captured", "message.created", "message.created"]
    #expect(byConversation["conv_one"]?.sorted() == chat, "\(attempts)")
    #expect(byConversation["conv_two"]?.sorted() == chat, "\(attempts)")
    #expect(byConversation["null"] == ["bot.updated"], "\(attempts)")
    // Leads name their conversation too.
    let leads = try await server.call("GET", "/v1/analytics/leads").json["data"]?.arrayValue ?? []
    #expect(leads.map { $0["conversation_id"]?.stringValue } == ["conv_one", "conv_two"])
    await server.stop()
    receiver.stop()
  }

  @Test("a database made before keeps its delivery log, with no conversation")
  func migratedLogKeepsItsAttempts() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-deliveries-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("local.sqlite").path
    let module = BotHeroLocalModule()
    let old = try DatabaseQueue(path: path)
    try PlatformStore.migrator(modules: [module]).migrate(old, upTo: "bothero-v1")
    try await old.write { db in
      try db.execute(
        sql: """
          INSERT INTO organizations VALUES ('org-1', 'default', '2026-11-01T00:00:00Z');
          INSERT INTO bothero_webhooks (id, organization_id, name, url, events, active, secret,
            secret_salt, created_at, updated_at)
          VALUES ('wh_1', 'org-1', 'crm', 'http://127.0.0.1:9/h', '["bot.updated"]', 1, 's',
            'salt', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z');
          INSERT INTO bothero_deliveries (id, webhook_id, event_id, event_type, attempt,
            succeeded, status_code, error, delivered_at)
          VALUES ('dlv_1', 'wh_1', 'evt_1', 'bot.updated', 1, 1, 200, NULL,
            '2026-11-01T00:00:00Z');
          """)
    }
    try old.close()
    let store = try PlatformStore(path: path, modules: [module])
    defer { try? store.pool.close() }
    let log = try await DeliveryStore(pool: store.pool).list(webhookID: "wh_1")
    #expect(log.map(\.id) == ["dlv_1"])
    #expect(log.first?.conversationID == nil)
  }
}
