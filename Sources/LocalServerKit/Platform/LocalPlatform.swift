import Foundation
import Hummingbird

/// A running local platform: every platform's API served on loopback, from one process, one
/// port and one SQLite database directory.
///
/// ```swift
/// let platform = try await LocalPlatform.start(.init(databasePath: ".heho/local.sqlite"))
/// // use platform.baseURL and platform.apiKey
/// try await platform.shutdown()
/// ```
public final class LocalPlatform: Sendable {
  /// The bound port.
  public let port: Int
  /// The host the server listens on.
  public let host: String
  /// The `default` organization's key, valid on every platform: the seeded one, or a generated
  /// one.
  ///
  /// When the database already has a `default` organization and no key was given, a fresh key
  /// is added to it on every start, so this key is always usable.
  public let apiKey: String
  /// Whether this start created the `default` organization (so `serve` prints the key once).
  public let createdDefaultOrganization: Bool

  package let services: LocalSharedServices
  /// The platforms served, in registry order.
  package let platforms: [RunningPlatform]
  private let server: LocalServer
  private let temporaryDirectory: String?

  /// `http://HOST:PORT`.
  public var baseURL: String {
    let shownHost = host.contains(":") ? "[\(host)]" : host
    return "http://\(shownHost):\(port)"
  }

  private init(
    port: Int, host: String, apiKey: String, createdDefaultOrganization: Bool,
    services: LocalSharedServices, platforms: [RunningPlatform], server: LocalServer,
    temporaryDirectory: String?
  ) {
    self.platforms = platforms
    self.port = port
    self.host = host
    self.apiKey = apiKey
    self.createdDefaultOrganization = createdDefaultOrganization
    self.services = services
    self.server = server
    self.temporaryDirectory = temporaryDirectory
  }

  /// Opens (or creates) the database, makes sure the `default` organization has a usable key,
  /// starts the server for `modules` and returns once it accepts connections.
  package static func start(
    _ configuration: LocalPlatformConfiguration, modules: [any LocalPlatformModule]
  ) async throws -> LocalPlatform {
    var temporaryDirectory: String?
    let path: String
    if let databasePath = configuration.databasePath {
      path = databasePath
    } else {
      let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("heho-local-\(UUID().uuidString)").path
      temporaryDirectory = directory
      path = directory + "/local.sqlite"
    }
    let services = try LocalSharedServices(
      path: path, modules: modules, configuration: configuration)
    let existing = try await services.store.organization(named: "default")
    let key = configuration.apiKey ?? APIKey.generate()
    let (organization, created) = try await services.store.addKey(
      key, toOrganization: "default")
    for module in modules
    where try await services.store.organization(forKey: key, platform: module.platform)
      != organization
    {
      try? services.close()
      throw LocalPlatformError.startFailed(
        "the given API key already belongs to another organization; choose another key")
    }
    let platforms: [RunningPlatform]
    do {
      platforms = try RunningPlatform.open(modules, on: services)
    } catch {
      try? services.close()
      throw error
    }
    let (ports, continuation) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
    let application = LocalApplication.buildApplication(
      services, serving: platforms, host: configuration.host, port: configuration.port,
      onServerRunning: { port in continuation.yield(.success(port)) })
    let server = LocalServer(application) { error in
      continuation.yield(.failure(error ?? LocalPlatformError.startFailed("the server stopped")))
    }
    var bound: Result<Int, any Error> = .failure(LocalPlatformError.startFailed("no port"))
    for await result in ports {
      bound = result
      break
    }
    switch bound {
    case .success(let port):
      return LocalPlatform(
        port: port, host: configuration.host, apiKey: key,
        createdDefaultOrganization: created && existing == nil, services: services,
        platforms: platforms, server: server, temporaryDirectory: temporaryDirectory)
    case .failure(let error):
      await server.stop()
      for platform in platforms { try? platform.part.close() }
      try? services.close()
      if let temporaryDirectory { try? FileManager.default.removeItem(atPath: temporaryDirectory) }
      throw LocalPlatformError.startFailed(String(describing: error))
    }
  }

  /// The open part of the platform named `name`, as its own type (for the platform's own
  /// administration functions).
  package func part<Part: LocalPlatformPart>(_ name: String, as type: Part.Type) -> Part? {
    platforms.first { $0.module.platform == name }?.part as? Part
  }

  /// Stops the server gracefully (the requests in progress are answered first), closes the
  /// databases and removes a temporary database.
  public func shutdown() async throws {
    await server.stop()
    for platform in platforms { try platform.part.close() }
    try services.close()
    if let temporaryDirectory {
      try FileManager.default.removeItem(atPath: temporaryDirectory)
    }
  }
}
