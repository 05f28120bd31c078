import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// A webhook receiver inside the tests: records every POST to `/hook` (its signature header and
/// body), answers with the next status of `statuses` (200 once they run out), and checks
/// signatures as a receiver should.
public final class WebhookReceiver: Sendable {
  /// One delivery as it arrived.
  public struct Received: Sendable {
    /// `X-BotHero-Signature`.
    public var signature: String
    /// The JSON body.
    public var body: Data
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
  public let url: String

  private init(state: State, server: Task<Void, any Error>, url: String) {
    self.state = state
    self.server = server
    self.url = url
  }

  /// Every request so far.
  public var requests: [Received] { state.received.withLock { $0 } }

  /// Starts a receiver on a free loopback port.
  public static func start(statuses: [Int] = []) async throws -> WebhookReceiver {
    let state = State(statuses: statuses)
    let router = Router()
    let signatureHeader = HTTPField.Name("X-BotHero-Signature")
    router.post("hook") { request, _ -> Response in
      var request = request
      let body = try await request.collectBody(upTo: 1 << 20)
      let signature = signatureHeader.flatMap { request.headers[$0] } ?? ""
      return Response(status: state.record(signature: signature, body: Data(buffer: body)))
    }
    let (server, url) = await LoopbackServer.start(router)
    return WebhookReceiver(state: state, server: server, url: url + "/hook")
  }

  /// Waits until `count` requests arrived (at most 10 s), and returns them all.
  public func waitFor(_ count: Int) async throws -> [Received] {
    for _ in 0..<200 where requests.count < count {
      try await Task.sleep(for: .milliseconds(50))
    }
    return requests
  }

  /// Stops the server.
  public func stop() {
    server.cancel()
  }

  /// Whether `t=T,v1=HEX` is HMAC-SHA256 of `T.body` under `secret`.
  public static func verify(_ delivery: Received, secret: String) -> Bool {
    let parts = delivery.signature.split(separator: ",")
    guard parts.count == 2, parts[0].hasPrefix("t="), parts[1].hasPrefix("v1=") else {
      return false
    }
    var message = Data("\(parts[0].dropFirst(2)).".utf8)
    message.append(delivery.body)
    let code = HMAC<SHA256>.authenticationCode(
      for: message, using: SymmetricKey(data: Data(secret.utf8)))
    return parts[1].dropFirst(3) == code.map { String(format: "%02x", $0) }.joined()
  }

  /// The event type of a delivery (`message.created`).
  public static func type(of delivery: Received) -> String? {
    (try? JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])?["type"] as? String
  }
}
