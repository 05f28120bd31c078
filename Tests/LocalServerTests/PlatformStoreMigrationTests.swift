import Foundation
import GRDB
import PlatformRegistry
import Testing

@testable import HeHoLocalServer
@testable import LocalServerKit

/// A database made before chatbot names could repeat (and before platforms were modules) is
/// migrated, and keeps its chatbots and keys.
@Suite struct PlatformStoreMigrationTests {
  /// An older HehoLocal's chatbot: one row, written with SQL under the first schema.
  static let firstChatbot = """
    INSERT INTO organizations VALUES ('org-1', 'default', '2026-11-01T00:00:00Z');
    INSERT INTO chatbots (id, organization_id, name, goal, description, model, tone, theme,
      data_tables, created_at)
    VALUES ('bot-1', 'org-1', 'support-bot', 'g', 'd', 'm', 'professional', 'sky', '[]',
      '2026-11-01T00:00:00Z');
    """

  /// The schema the first HehoLocal made, before platforms were modules, as GRDB recorded it.
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
    """

  @Test func anOldDatabaseAcceptsARepeatedNameAndKeepsItsChatbots() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-migration-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("local.sqlite").path
    // The database as the first schema (which refused repeated names) left it.
    let old = try DatabaseQueue(path: path)
    try await old.write { db in
      try db.execute(sql: Self.firstSchema)
      try db.execute(sql: Self.firstChatbot)
    }
    let constraint = try await old.read { db in
      try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'chatbots'")
    }
    #expect(constraint?.contains("UNIQUE (organization_id, name)") == true)
    try old.close()

    let store = try PlatformStore(path: path, modules: [HeHoLocalModule()])
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
