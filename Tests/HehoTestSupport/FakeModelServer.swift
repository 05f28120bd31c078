import Foundation
import Hummingbird
import Synchronization

/// An OpenAI-compatible server inside the tests: answers every `POST /chat/completions` with
/// `reply`, and keeps the request bodies.
public final class FakeModelServer: Sendable {
  private final class Log: Sendable { let bodies = Mutex<[Data]>([]) }
  private let log: Log
  private let server: Task<Void, any Error>
  /// `http://127.0.0.1:PORT`.
  public let url: String

  private init(log: Log, server: Task<Void, any Error>, url: String) {
    self.log = log
    self.server = server
    self.url = url
  }

  /// The request bodies so far.
  public var bodies: [Data] { log.bodies.withLock { $0 } }

  /// Starts a server that answers every chat with `reply`.
  public static func start(reply: String) async throws -> FakeModelServer {
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
    let (server, url) = await LoopbackServer.start(router)
    return FakeModelServer(log: log, server: server, url: url)
  }

  /// Stops the server.
  public func stop() { server.cancel() }
}
