import ArgumentParser

/// `heho local`: run and administer the local platform.
struct LocalCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "local",
    abstract: "Run the HeHo platform API locally on SQLite.",
    subcommands: [LocalServeCommand.self, LocalKeysCommand.self, LocalSQLCommand.self]
  )

  /// The default database file.
  static let defaultDatabasePath = ".heho/local.sqlite"
}
