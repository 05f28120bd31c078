import Hummingbird

/// Runs a test's own HTTP server (a webhook receiver, a model server) on a free loopback port.
public enum LoopbackServer {
  /// Starts `router` on `127.0.0.1`, returning the running server and its base URL
  /// (`http://127.0.0.1:PORT`) once it accepts connections.
  public static func start(_ router: Router<BasicRequestContext>) async
    -> (server: Task<Void, any Error>, url: String)
  {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
      router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) })
    let server = Task { try await app.runService(gracefulShutdownSignals: []) }
    var port = 0
    for await bound in ports {
      port = bound
      break
    }
    return (server, "http://127.0.0.1:\(port)")
  }
}
