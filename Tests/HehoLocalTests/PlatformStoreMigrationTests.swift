import Foundation
import GRDB
import Testing

@testable import HehoLocal

/// A database made before chatbot names could repeat is migrated, and keeps its chatbots.
@Suite struct PlatformStoreMigrationTests {
  /// An older HehoLocal's chatbot: one row, written with SQL under the first schema.
  static let firstChatbot = """
    INSERT INTO organizations VALUES ('org-1', 'default', '2026-11-01T00:00:00Z');
    INSERT INTO chatbots (id, organization_id, name, goal, description, model, tone, theme,
      data_tables, created_at)
    VALUES ('bot-1', 'org-1', 'support-bot', 'g', 'd', 'm', 'professional', 'sky', '[]',
      '2026-11-01T00:00:00Z');
    """

  @Test func anOldDatabaseAcceptsARepeatedNameAndKeepsItsChatbots() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-migration-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("local.sqlite").path
    // The database as the first schema (which refused repeated names) left it.
    let old = try DatabaseQueue(path: path)
    try PlatformStore.migrator.migrate(old, upTo: "v1")
    try await old.write { try $0.execute(sql: Self.firstChatbot) }
    let constraint = try await old.read { db in
      try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'chatbots'")
    }
    #expect(constraint?.contains("UNIQUE (organization_id, name)") == true)
    try old.close()

    let store = try PlatformStore(path: path)
    defer { try? store.pool.close() }
    let organization = Organization(id: "org-1", name: "default")
    let chatbots = ChatbotStore(platform: store)
    let before = try await chatbots.list(organization: organization)
    #expect(before.map(\.id) == ["bot-1"])
    var again = try #require(before.first)
    again.id = "bot-2"
    try await chatbots.insert(again, organization: organization)
    let after = try await chatbots.list(organization: organization)
    #expect(after.map(\.id) == ["bot-1", "bot-2"])
    #expect(after.map(\.name) == ["support-bot", "support-bot"])

    var strict = chatbots
    strict.uniqueNames = true
    again.id = "bot-3"
    await #expect(throws: LocalAPIError.self) {
      try await strict.insert(again, organization: organization)
    }
    #expect(try await chatbots.list(organization: organization).count == 2)
  }
}
