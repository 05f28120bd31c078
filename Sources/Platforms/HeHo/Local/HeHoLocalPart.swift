import GRDB
import Hummingbird
import LocalServerKit

/// HeHo's open stores and its routes. Each organization's tables are SQL tables of its own,
/// where `heho local sql` runs.
struct HeHoLocalPart: LocalSQLPart {
  /// The shared services (the database holding chatbots, HeHo's settings).
  let shared: LocalSharedServices
  /// One database per organization, holding its tables and rows.
  let databases: OrganizationDatabases

  init(_ shared: LocalSharedServices) {
    self.shared = shared
    databases = OrganizationDatabases(
      directory: OrganizationDatabases.directory(besideSharedDatabase: shared.path, suffix: "orgs"),
      migrator: HeHoLocalModule.organizationMigrator)
  }

  var credentials: LocalCredentials { LocalCredentials(keyName: "YOUR_HEHO_API_KEY") }

  var chatbots: ChatbotStore {
    ChatbotStore(platform: shared.store, uniqueNames: shared.uniqueNames)
  }
  var tables: TableService { TableService(databases: databases) }
  var rows: RowService { RowService(databases: databases) }

  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    AccountController(
      chatbots: chatbots, rows: rows, chatEndpoint: shared.configuration.chatEndpoint
    ).addRoutes(to: group)
    let shared = shared
    ChatbotController(
      chatbots: chatbots, tables: tables,
      settings: { shared.settings(as: HeHoLocalSettings.self) }
    ).addRoutes(to: group)
    TableController(tables: tables).addRoutes(to: group)
    RowController(rows: rows).addRoutes(to: group)
  }

  func execute(sql: String, organization: Organization) async throws {
    do {
      try await tables.execute(sql: sql, organization: organization)
    } catch let error as DatabaseError {
      throw LocalPlatformError.sqlFailed(error.message ?? "SQLite error \(error.resultCode)")
    }
  }

  func close() throws {
    try databases.closeAll()
  }
}
