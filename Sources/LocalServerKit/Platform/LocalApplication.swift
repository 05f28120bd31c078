import Hummingbird
import Logging

/// Builds the router and the application of the local platform.
enum LocalApplication {
  /// The router: local extras at the root, and each platform's API under its own path prefix
  /// behind metrics, faults and authentication; every error answered as JSON in the shape of
  /// the platform whose path was asked for.
  static func buildRouter(
    _ shared: LocalSharedServices, serving platforms: [RunningPlatform]
  ) -> Router<LocalRequestContext> {
    let router = Router(context: LocalRequestContext.self)
    router.add(middleware: ErrorMiddleware(modules: platforms.map(\.module)))
    LocalExtrasController(recorder: shared.recorder, platforms: platforms.map(\.module.platform))
      .addRoutes(to: router)
    for platform in platforms {
      let group = shared.apiGroup(
        router, module: platform.module, credentials: platform.part.credentials)
      platform.part.addRoutes(to: group)
    }
    return router
  }

  /// The application bound to `host:port`, calling `onServerRunning` with the bound port.
  static func buildApplication(
    _ shared: LocalSharedServices, serving platforms: [RunningPlatform], host: String, port: Int,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    // The server's own log is kept to critical events: cancelling connections on shutdown and
    // injected dropped connections are expected. Request failures are logged by ErrorMiddleware.
    var logger = Logger(label: "heho.local.server")
    logger.logLevel = .critical
    return Application(
      router: buildRouter(shared, serving: platforms),
      configuration: .init(address: .hostname(host, port: port), serverName: "HehoLocal"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
      logger: logger)
  }
}

/// A platform's module with its open part.
package struct RunningPlatform: Sendable {
  /// What the platform supplies.
  package var module: any LocalPlatformModule
  /// Its stores, open.
  package var part: any LocalPlatformPart

  /// Opens every module's part on `shared`; closes the opened ones when one fails.
  package static func open(
    _ modules: [any LocalPlatformModule], on shared: LocalSharedServices
  ) throws -> [RunningPlatform] {
    var opened: [RunningPlatform] = []
    do {
      for module in modules {
        opened.append(RunningPlatform(module: module, part: try module.open(shared)))
      }
    } catch {
      for platform in opened { try? platform.part.close() }
      throw error
    }
    return opened
  }
}
