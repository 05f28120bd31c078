import Hummingbird
import Logging

/// Builds the router and the application of the local platform.
enum LocalApplication {
  /// The router: local extras at the root, the platform API under `/api` behind metrics,
  /// faults and authentication, every error answered as JSON.
  static func buildRouter(_ services: LocalServices) -> Router<LocalRequestContext> {
    let router = Router(context: LocalRequestContext.self)
    router.add(middleware: ErrorMiddleware())
    LocalExtrasController(recorder: services.recorder).addRoutes(to: router)
    let api = router.group("api")
      .add(middleware: MetricsMiddleware(recorder: services.recorder))
      .add(middleware: FaultMiddleware(injector: services.injector, recorder: services.recorder))
      .add(middleware: AuthMiddleware(platform: services.platform))
    AccountController(chatbots: services.chatbots).addRoutes(to: api)
    ChatbotController(
      chatbots: services.chatbots, tables: services.tables, injector: services.injector
    ).addRoutes(to: api)
    TableController(tables: services.tables).addRoutes(to: api)
    RowController(rows: services.rows).addRoutes(to: api)
    return router
  }

  /// The application bound to `host:port`, calling `onServerRunning` with the bound port.
  static func buildApplication(
    _ services: LocalServices, host: String, port: Int,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    // The server's own log is kept to critical events: cancelling connections on shutdown and
    // injected dropped connections are expected. Request failures are logged by ErrorMiddleware.
    var logger = Logger(label: "heho.local.server")
    logger.logLevel = .critical
    return Application(
      router: buildRouter(services),
      configuration: .init(address: .hostname(host, port: port), serverName: "HehoLocal"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
      logger: logger)
  }
}
