import LocalServerKit

extension LocalPlatform {
  /// The local part of every registered platform.
  package static var standardModules: [any LocalPlatformModule] {
    StandardPlatforms.all.map(\.local)
  }

  /// Starts a local platform serving every registered platform.
  public static func start(_ configuration: LocalPlatformConfiguration) async throws
    -> LocalPlatform
  {
    try await start(configuration, modules: standardModules)
  }

  /// Adds a key to the organization `name` in the database at `databasePath` without starting a
  /// server; the key is valid on `platforms` (`nil`: every registered platform).
  public static func createAPIKey(
    organization name: String, platforms: [String]? = nil, databasePath: String
  ) async throws -> String {
    try await createAPIKey(
      organization: name, platforms: platforms, databasePath: databasePath,
      modules: standardModules)
  }

  /// Runs SQL in an organization's own database on `platform` (`nil`: the one registered
  /// platform that keeps SQL tables) without starting a server.
  public static func execute(
    sql: String, organization: String, platform: String? = nil, databasePath: String
  ) async throws {
    try await execute(
      sql: sql, organization: organization, platform: platform, databasePath: databasePath,
      modules: standardModules)
  }
}
