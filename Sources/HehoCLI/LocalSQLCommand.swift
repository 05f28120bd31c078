import ArgumentParser
import HehoManifest
import LocalServerKit
import PlatformRegistry

/// `heho local sql --org NAME [--platform P] "SQL"`: run SQL in an organization's own database
/// on a platform that keeps SQL tables.
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

  @Option(
    help: "The platform whose tables the SQL runs on (default: the one that keeps SQL tables).")
  var platform: String?

  @Option(name: .customLong("db"), help: "The SQLite database file.")
  var databasePath = LocalCommand.defaultDatabasePath

  @Argument(help: "The SQL to run (SQLite syntax).")
  var sql: String

  func validate() throws {
    let known = ActivePlatforms.registry.names
    if let platform, !known.contains(platform) {
      throw ValidationError(
        "--platform: unknown platform '\(platform)'"
          + Suggestions.didYouMean(platform, among: known) + "; known platforms: "
          + known.joined(separator: ", "))
    }
  }

  func run() async throws {
    try await LocalPlatform.execute(
      sql: sql, organization: org, platform: platform, databasePath: databasePath)
    ConsoleContext.current.err("OK")
  }
}
