import Foundation
import GRDB
import Testing

@testable import HehoLocal

/// A database made before chatbot names could repeat is migrated, and keeps its chatbots.
@Suite struct PlatformStoreMigrationTests {
  /// The first schema, with `UNIQUE (organization_id, name)` on chatbots, as an older HehoLocal
  /// wrote it (the migrator's own record included).
  static let firstSchema = """
    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
    INSERT INTO grdb_migrations VALUES ('v1');
    CREATE TABLE organizations (
      id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
    CREATE TABLE api_keys (
      key_hash TEXT PRIMARY KEY NOT NULL,
      organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL);
    CREATE TABLE chatbots (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      name TEXT NOT NULL, goal TEXT NOT NULL, description TEXT NOT NULL, model TEXT NOT NULL,
      tone TEXT NOT NULL, theme TEXT NOT NULL, data_tables TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (organization_id, name));
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
    let old = try DatabaseQueue(path: path)
    try await old.write { try $0.execute(sql: Self.firstSchema) }
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
