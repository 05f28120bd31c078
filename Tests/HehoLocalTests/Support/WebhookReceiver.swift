import Foundation
import HTTPTypes
import Hummingbird
import Synchronization
import Testing

/// A webhook receiver inside the tests: records every POST to `/hook` (its signature header and
/// body) and answers with the next status of `statuses` (200 once they run out).
final class WebhookReceiver: Sendable {
  struct Received: Sendable {
    var signature: String
    var body: Data
  }

  /// What arrived, and the statuses still to answer with.
  private final class State: Sendable {
    let received = Mutex<[Received]>([])
    let statuses: Mutex<[Int]>

    init(statuses: [Int]) { self.statuses = Mutex(statuses) }

    func record(signature: String, body: Data) -> HTTPResponse.Status {
      received.withLock { $0.append(Received(signature: signature, body: body)) }
      return HTTPResponse.Status(code: statuses.withLock { $0.isEmpty ? 200 : $0.removeFirst() })
    }
  }

  private let state: State
  private let server: Task<Void, any Error>
  /// `http://127.0.0.1:PORT/hook`.
  let url: String

  private init(state: State, server: Task<Void, any Error>, url: String) {
    self.state = state
    self.server = server
    self.url = url
  }

  /// Every request so far.
  var requests: [Received] { state.received.withLock { $0 } }

  static func start(statuses: [Int] = []) async throws -> WebhookReceiver {
    let state = State(statuses: statuses)
    let router = Router()
    let signatureHeader = try #require(HTTPField.Name("X-BotHero-Signature"))
    router.post("hook") { request, _ -> Response in
      var request = request
      let body = try await request.collectBody(upTo: 1 << 20)
      let status = state.record(
        signature: request.headers[signatureHeader] ?? "", body: Data(buffer: body))
      return Response(status: status)
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
    return WebhookReceiver(state: state, server: server, url: "http://127.0.0.1:\(port)/hook")
  }

  /// Waits until `count` requests arrived (at most 10 s), and returns them all.
  func waitFor(_ count: Int) async throws -> [Received] {
    for _ in 0..<200 where requests.count < count {
      try await Task.sleep(for: .milliseconds(50))
    }
    return requests
  }

  func stop() {
    server.cancel()
  }
}
