import ArgumentParser
import HehoManifest
import LocalServerKit
import PlatformRegistry

/// `heho local keys`: manage API keys of the local platform.
struct LocalKeysCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys", abstract: "Manage API keys of the local platform.",
    subcommands: [LocalKeysCreateCommand.self])
}

/// `heho local keys create --org NAME [--platform P]`: a new key (and the organization when it
/// is new), valid on every platform or on the ones named.
struct LocalKeysCreateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Create an API key for an organization (creating the organization if needed).",
    discussion: "Prints the key alone on standard output; it is stored hashed and shown once.")

  @Option(help: "The organization's name.")
  var org: String

  @Option(
    name: .customLong("platform"),
    help: "Make the key valid on this platform only (repeatable; default: every platform).")
  var platforms: [String] = []

  @Option(name: .customLong("db"), help: "The SQLite database file.")
  var databasePath = LocalCommand.defaultDatabasePath

  func validate() throws {
    let known = ActivePlatforms.registry.platforms.map(\.name)
    for name in platforms where !known.contains(name) {
      throw ValidationError(
        "--platform: unknown platform '\(name)'" + Suggestions.didYouMean(name, among: known)
          + "; known platforms: " + known.joined(separator: ", "))
    }
  }

  func run() async throws {
    let key = try await LocalPlatform.createAPIKey(
      organization: org, platforms: platforms.isEmpty ? nil : platforms,
      databasePath: databasePath)
    ConsoleContext.current.out(key)
  }
}
