import ArgumentParser
import HehoLocal

/// `heho local keys`: manage API keys of the local platform.
struct LocalKeysCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys", abstract: "Manage API keys of the local platform.",
    subcommands: [LocalKeysCreateCommand.self])
}

/// `heho local keys create --org NAME`: a new key (and the organization when it is new).
struct LocalKeysCreateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Create an API key for an organization (creating the organization if needed).",
    discussion: "Prints the key alone on standard output; it is stored hashed and shown once.")

  @Option(help: "The organization's name.")
  var org: String

  @Option(name: .customLong("db"), help: "The SQLite database file.")
  var databasePath = LocalCommand.defaultDatabasePath

  func run() async throws {
    let key = try await LocalPlatform.createAPIKey(organization: org, databasePath: databasePath)
    ConsoleContext.current.out(key)
  }
}
