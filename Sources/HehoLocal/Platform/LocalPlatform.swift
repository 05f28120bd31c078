import Foundation
import GRDB
import Hummingbird

/// A running local platform: the HeHo API served on loopback from SQLite.
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
  /// The `default` organization's key: the seeded one, or a generated one.
  ///
  /// When the database already has a `default` organization and no key was given, a fresh key
  /// is added to it on every start, so this key is always usable.
  public let apiKey: String
  /// Whether this start created the `default` organization (so `serve` prints the key once).
  public let createdDefaultOrganization: Bool

  let services: LocalServices
  private let server: Task<Void, any Error>
  private let temporaryDirectory: String?

  /// `http://HOST:PORT`.
  public var baseURL: String {
    let shownHost = host.contains(":") ? "[\(host)]" : host
    return "http://\(shownHost):\(port)"
  }

  private init(
    port: Int, host: String, apiKey: String, createdDefaultOrganization: Bool,
    services: LocalServices, server: Task<Void, any Error>, temporaryDirectory: String?
  ) {
    self.port = port
    self.host = host
    self.apiKey = apiKey
    self.createdDefaultOrganization = createdDefaultOrganization
    self.services = services
    self.server = server
    self.temporaryDirectory = temporaryDirectory
  }

  /// Opens (or creates) the database, makes sure the `default` organization has a usable key,
  /// starts the server and returns once it accepts connections.
  public static func start(_ configuration: LocalPlatformConfiguration) async throws
    -> LocalPlatform
  {
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
    let services = try LocalServices(
      path: path, faults: configuration.faults,
      uniqueChatbotNames: configuration.uniqueChatbotNames)
    let existing = try await services.platform.organization(named: "default")
    let key = configuration.apiKey ?? APIKey.generate()
    let (organization, created) = try await services.platform.addKey(
      key, toOrganization: "default")
    if try await services.platform.organization(forKey: key) != organization {
      try? services.close()
      throw LocalPlatformError.startFailed(
        "the given API key already belongs to another organization; choose another key")
    }
    let (ports, continuation) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
    let application = LocalApplication.buildApplication(
      services, host: configuration.host, port: configuration.port,
      onServerRunning: { port in continuation.yield(.success(port)) })
    let server = Task {
      do {
        try await application.runService(gracefulShutdownSignals: [])
        continuation.yield(.failure(LocalPlatformError.startFailed("the server stopped")))
      } catch {
        continuation.yield(.failure(error))
        throw error
      }
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
        server: server, temporaryDirectory: temporaryDirectory)
    case .failure(let error):
      server.cancel()
      try? services.close()
      if let temporaryDirectory { try? FileManager.default.removeItem(atPath: temporaryDirectory) }
      throw LocalPlatformError.startFailed(String(describing: error))
    }
  }

  /// Creates an organization (or adds a key to an existing one) and returns the new key.
  public func createOrganization(named name: String) async throws -> String {
    try await Self.addKey(toOrganization: name, services: services)
  }

  /// Runs SQL in the organization's own database, for example a `CREATE TABLE` to connect later.
  public func execute(sql: String, organization: String) async throws {
    let owner = try await services.organization(named: organization)
    do {
      try await services.tables.execute(sql: sql, organization: owner)
    } catch let error as DatabaseError {
      throw LocalPlatformError.sqlFailed(error.message ?? "SQLite error \(error.resultCode)")
    }
  }

  /// Replaces the latency and fault settings; the fault sequence restarts from the seed.
  public func setFaults(_ faults: FaultConfiguration) async {
    services.injector.reconfigure(faults)
  }

  /// Request counts of the platform API so far.
  public func metrics() async -> LocalMetrics {
    services.recorder.snapshot
  }

  /// Zeroes the request counts.
  public func resetMetrics() async {
    services.recorder.reset()
  }

  /// The number of rows really stored in an organization's table (for tests).
  public func rowCount(table: String, organization: String) async throws -> Int {
    let owner = try await services.organization(named: organization)
    do {
      return try await services.tables.rowCount(table: table, organization: owner)
    } catch let error as LocalAPIError {
      throw LocalPlatformError.invalidTable(error.message)
    }
  }

  /// Stops the server, closes the databases and removes a temporary database.
  public func shutdown() async throws {
    server.cancel()
    _ = await server.result
    try services.close()
    if let temporaryDirectory {
      try FileManager.default.removeItem(atPath: temporaryDirectory)
    }
  }
}
