import GRDB
import LocalServerKit

extension LocalPlatform {
  /// Runs SQL in the organization's own HeHo database, for example a `CREATE TABLE` to connect
  /// later.
  package func execute(sql: String, organization: String) async throws {
    try await Self.execute(sql: sql, organization: organization, part: try heho(), services)
  }

  /// The number of rows really stored in an organization's HeHo table (for tests).
  package func rowCount(table: String, organization: String) async throws -> Int {
    let owner = try await services.organization(named: organization)
    do {
      return try await heho().tables.rowCount(table: table, organization: owner)
    } catch let error as LocalAPIError {
      throw LocalPlatformError.invalidTable(error.message)
    }
  }

  /// Runs SQL in an organization's HeHo database without starting a server.
  package static func execute(
    sql: String, organization: String, databasePath: String, modules: [any LocalPlatformModule]
  ) async throws {
    try await withPlatforms(databasePath: databasePath, modules: modules) { services, platforms in
      guard let part = platforms.lazy.compactMap({ $0.part as? HeHoLocalPart }).first else {
        throw LocalPlatformError.startFailed("the HeHo platform is not served")
      }
      try await execute(sql: sql, organization: organization, part: part, services)
    }
  }

  private static func execute(
    sql: String, organization: String, part: HeHoLocalPart, _ services: LocalSharedServices
  ) async throws {
    let owner = try await services.organization(named: organization)
    do {
      try await part.tables.execute(sql: sql, organization: owner)
    } catch let error as DatabaseError {
      throw LocalPlatformError.sqlFailed(error.message ?? "SQLite error \(error.resultCode)")
    }
  }

  private func heho() throws -> HeHoLocalPart {
    guard let part = part("heho", as: HeHoLocalPart.self) else {
      throw LocalPlatformError.startFailed("the HeHo platform is not served")
    }
    return part
  }
}
