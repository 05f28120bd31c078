import Foundation
import Hummingbird
import Synchronization

/// An OpenAI-compatible server inside the tests: answers every `POST /chat/completions` with
/// `reply`, and keeps the request bodies.
final class FakeModelServer: Sendable {
  private final class Log: Sendable { let bodies = Mutex<[Data]>([]) }
  private let log: Log
  private let server: Task<Void, any Error>
  /// `http://127.0.0.1:PORT`.
  let url: String

  private init(log: Log, server: Task<Void, any Error>, url: String) {
    self.log = log
    self.server = server
    self.url = url
  }

  /// The request bodies so far.
  var bodies: [Data] { log.bodies.withLock { $0 } }

  static func start(reply: String) async throws -> FakeModelServer {
    let log = Log()
    let router = Router()
    router.post("chat/completions") { request, _ -> Response in
      var request = request
      let body = try await request.collectBody(upTo: 1 << 20)
      log.bodies.withLock { $0.append(Data(buffer: body)) }
      let answer = try JSONSerialization.data(
        withJSONObject: ["choices": [["message": ["role": "assistant", "content": reply]]]])
      return Response(
        status: .ok, headers: [.contentType: "application/json"],
        body: .init(byteBuffer: ByteBuffer(bytes: answer)))
    }
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
    return FakeModelServer(log: log, server: server, url: "http://127.0.0.1:\(port)")
  }

  func stop() { server.cancel() }
}
