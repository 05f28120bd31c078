import Foundation
import GRDB
import LocalServerKit

/// Knowledge documents of each organization, their content with them (for grounded replies).
struct DocumentStore: Sendable {
  let pool: DatabasePool

  /// The table, within one organization.
  static let table = OrganizationTable(name: "bothero_documents")

  func insert(_ document: KnowledgeDocument, content: Data, organization: Organization)
    async throws
  {
    try await pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO bothero_documents (id, organization_id, bot_id, name, content_type, size,
            sha256, content, status, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          document.id, organization.id, document.botID, document.name, document.contentType,
          document.size, document.sha256, content, document.status, document.createdAt,
        ])
    }
  }

  /// The organization's documents, oldest first, those of one bot when `botID` is given.
  func list(organization: Organization, botID: String? = nil) async throws -> [KnowledgeDocument] {
    try await pool.read { db in
      let owned = OwnedRows(organization, botID: botID)
      return try Row.fetchAll(
        db, sql: "SELECT * FROM bothero_documents WHERE \(owned.condition) ORDER BY seq",
        arguments: owned.arguments
      ).map(Self.document)
    }
  }

  /// The texts of a bot's documents, by name (for grounded replies).
  func texts(botID: String, organization: Organization) async throws -> [(
    name: String, text: String
  )] {
    try await pool.read { db in
      try Row.fetchAll(
        db,
        sql:
          "SELECT name, content FROM bothero_documents WHERE organization_id = ? AND bot_id = ? ORDER BY seq",
        arguments: [organization.id, botID]
      ).map { row in
        (row["name"], String(decoding: row["content"] as Data, as: UTF8.self))
      }
    }
  }

  /// A document and its content as uploaded, or `nil` when the organization has none with `id`.
  func content(id: String, organization: Organization) async throws -> (
    KnowledgeDocument, Data
  )? {
    try await pool.read { db in
      guard let row = try Self.table.one(db, id: id, organization: organization) else {
        return nil
      }
      return (Self.document(row), row["content"] as Data)
    }
  }

  /// Deletes a document; the deleted one, or `nil` when there was none.
  func delete(id: String, organization: Organization) async throws -> KnowledgeDocument? {
    try await pool.write { db in
      let found = try Self.table.one(db, id: id, organization: organization).map(Self.document)
      guard let found else { return nil }
      try db.execute(sql: "DELETE FROM bothero_documents WHERE id = ?", arguments: [id])
      return found
    }
  }

  private static func document(_ row: Row) -> KnowledgeDocument {
    KnowledgeDocument(
      id: row["id"], botID: row["bot_id"], name: row["name"], contentType: row["content_type"],
      size: row["size"], sha256: row["sha256"], status: row["status"], createdAt: row["created_at"])
  }
}
