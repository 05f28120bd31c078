import Foundation
import GRDB

extension LocalPlatform {
  /// Adds a key to the organization `name` in the database at `databasePath`, creating the
  /// organization when needed, without starting a server. Returns the new key.
  public static func createAPIKey(organization name: String, databasePath: String) async throws
    -> String
  {
    let services = try LocalServices(path: databasePath)
    defer { try? services.close() }
    return try await addKey(toOrganization: name, services: services)
  }

  /// Runs SQL in an organization's database without starting a server.
  public static func execute(sql: String, organization: String, databasePath: String)
    async throws
  {
    let services = try LocalServices(path: databasePath)
    defer { try? services.close() }
    let owner = try await services.organization(named: organization)
    do {
      try await services.tables.execute(sql: sql, organization: owner)
    } catch let error as DatabaseError {
      throw LocalPlatformError.sqlFailed(error.message ?? "SQLite error \(error.resultCode)")
    }
  }

  static func addKey(toOrganization name: String, services: LocalServices) async throws -> String {
    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, trimmed.count <= 100, trimmed == name,
      !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else {
      throw LocalPlatformError.invalidOrganizationName(name)
    }
    let key = APIKey.generate()
    _ = try await services.platform.addKey(key, toOrganization: name)
    return key
  }
}
