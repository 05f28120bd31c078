import GRDB
import LocalServerKit

/// A BotHero table whose rows belong to organizations (`organization_id`, `id`, `seq`): the
/// reads and the delete its store makes, each within one organization, written once so that
/// every store keeps organizations apart the same way.
struct OrganizationTable: Sendable {
  /// The table (`bothero_bots`).
  let name: String

  /// The organization's rows, oldest first.
  func all(_ db: Database, organization: Organization) throws -> [Row] {
    try Row.fetchAll(
      db, sql: "SELECT * FROM \(name) WHERE organization_id = ? ORDER BY seq",
      arguments: [organization.id])
  }

  /// The organization's row with `id`; `nil` when it has none (or it is another's).
  func one(_ db: Database, id: String, organization: Organization) throws -> Row? {
    try Row.fetchOne(
      db, sql: "SELECT * FROM \(name) WHERE id = ? AND organization_id = ?",
      arguments: [id, organization.id])
  }

  /// Deletes the organization's row with `id`; false when there was none.
  func delete(_ db: Database, id: String, organization: Organization) throws -> Bool {
    try db.execute(
      sql: "DELETE FROM \(name) WHERE id = ? AND organization_id = ?",
      arguments: [id, organization.id])
    return db.changesCount > 0
  }
}
