import AsyncHTTPClient
import Crypto
import Foundation
import LocalServerKit
import NIOCore
import NIOHTTP1

/// Sends webhook deliveries in the background, at most four at once, each retried with backoff
/// until it gets a 2xx or runs out of attempts; records every attempt.
final class DeliveryQueue: Sendable {
  /// One event for one webhook.
  struct Job: Sendable {
    var webhookID: String
    var url: String
    var secret: String
    var eventID: String
    var eventType: String
    /// The conversation of a chat's event; `nil` for events of none.
    var conversationID: String?
    var body: Data
  }

  private let continuation: AsyncStream<Job>.Continuation
  private let worker: Task<Void, Never>

  /// Starts the worker.
  init(
    store: DeliveryStore, backoff: [Double], allowedHosts: [String],
    exists: @escaping @Sendable (String) async -> Bool
  ) {
    let (jobs, continuation) = AsyncStream.makeStream(of: Job.self)
    self.continuation = continuation
    worker = Task {
      await withTaskGroup(of: Void.self) { group in
        var running = 0
        for await job in jobs {
          if running >= 4 {
            await group.next()
            running -= 1
          }
          group.addTask {
            await Self.deliver(
              job, store: store, backoff: backoff, allowedHosts: allowedHosts, exists: exists)
          }
          running += 1
        }
      }
    }
  }

  func enqueue(_ job: Job) {
    continuation.yield(job)
  }

  /// Stops taking jobs and cancels those in flight.
  func stop() {
    continuation.finish()
    worker.cancel()
  }

  /// `t=UNIX_SECONDS,v1=HEX`: HEX is HMAC-SHA256 of `t + "." + body` under the secret.
  static func signature(body: Data, secret: String, time: Int) -> String {
    var message = Data("\(time).".utf8)
    message.append(body)
    let code = HMAC<SHA256>.authenticationCode(
      for: message, using: SymmetricKey(data: Data(secret.utf8)))
    return "t=\(time),v1=" + Hex.string(code)
  }

  /// Whether deliveries may go to `host`: loopback always (`localhost`, `::1`, an IPv4 address
  /// in 127.0.0.0/8, never a name that merely starts with "127."), others when allowed.
  static func allows(_ host: String, allowed: [String]) -> Bool {
    let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
    if bare == "localhost" || bare == "::1" { return true }
    let octets = bare.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
    if octets.count == 4, octets.allSatisfy({ $0 != nil }), octets[0] == 127 { return true }
    return allowed.contains { $0.lowercased() == bare }
  }

  /// The client deliveries go through: redirects are not followed (a receiver could otherwise
  /// send a delivery on to any host), and anything but a 2xx is a failed attempt. It lives as
  /// long as the process.
  static let client: HTTPClient = {
    let configuration = HTTPClient.Configuration(
      redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(5)))
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
  }()

  private static func deliver(
    _ job: Job, store: DeliveryStore, backoff: [Double], allowedHosts: [String],
    exists: @Sendable (String) async -> Bool
  ) async {
    let host = URLComponents(string: job.url)?.host ?? ""
    guard allows(host, allowed: allowedHosts) else {
      await record(
        job, attempt: 1, status: nil,
        error: "host '\(host)' is not loopback; heho local serve --allow-webhook-hosts allows it",
        store: store)
      return
    }
    for attempt in 1...(backoff.count + 1) {
      if attempt > 1 {
        try? await Task.sleep(for: .milliseconds(Int(backoff[attempt - 2] * 1000)))
      }
      // A webhook deleted (or turned off) meanwhile gets no more attempts.
      if Task.isCancelled { return }
      if attempt > 1, !(await exists(job.webhookID)) { return }
      var request = HTTPClientRequest(url: job.url)
      request.method = .POST
      request.headers.add(name: "Content-Type", value: "application/json")
      request.headers.add(
        name: "X-BotHero-Signature",
        value: signature(
          body: job.body, secret: job.secret, time: Int(Date().timeIntervalSince1970)))
      request.body = .bytes(ByteBuffer(data: job.body))
      do {
        let response = try await Self.client.execute(request, timeout: .seconds(5))
        let code = Int(response.status.code)
        let succeeded = (200..<300).contains(code)
        await record(
          job, attempt: attempt, status: code, error: succeeded ? nil : "answered \(code)",
          store: store)
        if succeeded { return }
      } catch {
        await record(
          job, attempt: attempt, status: nil, error: "\(error)".prefix(200).description,
          store: store)
      }
    }
  }

  private static func record(
    _ job: Job, attempt: Int, status: Int?, error: String?, store: DeliveryStore
  ) async {
    let delivery = Delivery(
      id: LocalID.make("dlv_"), eventID: job.eventID, eventType: job.eventType,
      conversationID: job.conversationID, attempt: attempt, succeeded: error == nil,
      statusCode: status, error: error, deliveredAt: SQLiteFile.now())
    try? await store.record(delivery, webhookID: job.webhookID)
  }
}
