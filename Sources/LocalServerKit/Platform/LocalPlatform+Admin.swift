import Foundation

extension LocalPlatform {
  /// Adds a key to the organization `name` in the database at `databasePath`, creating the
  /// organization when needed, without starting a server. Returns the new key, valid on
  /// `platforms` (`nil`: every platform).
  package static func createAPIKey(
    organization name: String, platforms: [String]? = nil, databasePath: String,
    modules: [any LocalPlatformModule]
  ) async throws -> String {
    let services = try LocalSharedServices(path: databasePath, modules: modules)
    defer { try? services.close() }
    return try await addKey(toOrganization: name, platforms: platforms, services: services)
  }

  /// Runs `body` on the shared services and the open platforms of the database at
  /// `databasePath`, without starting a server (the command line's offline administration).
  package static func withPlatforms<T>(
    databasePath: String, modules: [any LocalPlatformModule],
    _ body: (LocalSharedServices, [RunningPlatform]) async throws -> T
  ) async throws -> T {
    let services = try LocalSharedServices(path: databasePath, modules: modules)
    defer { try? services.close() }
    let platforms = try RunningPlatform.open(modules, on: services)
    defer { for platform in platforms { try? platform.part.close() } }
    return try await body(services, platforms)
  }

  package static func addKey(
    toOrganization name: String, platforms: [String]? = nil, services: LocalSharedServices
  ) async throws -> String {
    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, trimmed.count <= 100, trimmed == name,
      !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else {
      throw LocalPlatformError.invalidOrganizationName(name)
    }
    let key = APIKey.generate()
    _ = try await services.store.addKey(key, toOrganization: name, platforms: platforms)
    return key
  }
}
