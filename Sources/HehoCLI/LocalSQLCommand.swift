import ArgumentParser
import LocalServerKit

/// `heho local sql --org NAME "SQL"`: run SQL in an organization's database.
struct LocalSQLCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sql",
    abstract: "Run SQL in an organization's own database (for tables to connect later).",
    discussion: """
      Tables made here are not on the platform until connected, for example:
        heho local sql --org default "CREATE TABLE legacy_orders (id INTEGER PRIMARY KEY, total NUMERIC)"
      then POST /api/v1/database/tables/connect {"tableName": "legacy_orders"}.
      """)

  @Option(help: "The organization's name.")
  var org: String

  @Option(name: .customLong("db"), help: "The SQLite database file.")
  var databasePath = LocalCommand.defaultDatabasePath

  @Argument(help: "The SQL to run (SQLite syntax).")
  var sql: String

  func run() async throws {
    try await LocalPlatform.execute(sql: sql, organization: org, databasePath: databasePath)
    ConsoleContext.current.err("OK")
  }
}
