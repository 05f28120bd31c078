extension LocalPlatform {
  /// Runs SQL in an organization's own database on `platform` (`nil`: the one platform that
  /// keeps SQL tables), without starting a server.
  package static func execute(
    sql: String, organization: String, platform: String? = nil, databasePath: String,
    modules: [any LocalPlatformModule]
  ) async throws {
    try await withPlatforms(databasePath: databasePath, modules: modules) { services, platforms in
      let part = try sqlPart(platform, among: platforms)
      try await part.execute(sql: sql, organization: services.organization(named: organization))
    }
  }

  /// Runs SQL in an organization's own database on `platform` (`nil`: the one platform that
  /// keeps SQL tables).
  @_spi(Testing)
  public func execute(sql: String, organization: String, platform: String? = nil) async throws {
    let part = try Self.sqlPart(platform, among: platforms)
    try await part.execute(sql: sql, organization: services.organization(named: organization))
  }

  /// The part of `name` that keeps SQL tables (`nil`: the only one that does); an error naming
  /// the platforms that do otherwise.
  static func sqlPart(_ name: String?, among platforms: [RunningPlatform]) throws
    -> any LocalSQLPart
  {
    let withTables = platforms.compactMap { running in
      (running.part as? any LocalSQLPart).map { (running.module.platform, $0) }
    }
    guard let name else {
      guard withTables.count == 1, let only = withTables.first else {
        throw LocalPlatformError.noSQLPlatform(
          named: nil, served: platforms.map(\.module.platform),
          withTables: withTables.map(\.0))
      }
      return only.1
    }
    guard let part = withTables.first(where: { $0.0 == name }) else {
      throw LocalPlatformError.noSQLPlatform(
        named: name, served: platforms.map(\.module.platform), withTables: withTables.map(\.0))
    }
    return part.1
  }
}
