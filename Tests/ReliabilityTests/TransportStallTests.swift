import Foundation
import HeHoProvider
import HehoEngine
@_spi(Testing) import LocalServerKit
import PlatformKit
import Testing

/// heho's own HTTP transport under concurrent writes and dropped connections: every request
/// gets its answer.
///
/// heho first used URLSession, where one session shared by concurrent `Connection: close` POSTs
/// sometimes left a request waiting for the whole timeout although the server had answered
/// (seen as 30-second steps in apply). Each request takes milliseconds here, so with a
/// 5-second timeout any such stall fails a request.
@Suite struct TransportStallTests {
  /// Found by the scenarios (seeds 72 and 97 took 30 s): reads shared one session, and after
  /// the server dropped or failed some of its connections, a read on it could wait for the
  /// whole timeout. Replays scenario 72's live state and faults with the plan's reads.
  @Test(arguments: [UInt64(72), 97])
  func readsUnderFaultsNeverWaitForTheTimeout(seed: UInt64) async throws {
    let scenario = ScenarioGenerator.scenario(seed: seed)
    let platform = try await LocalPlatform.start(.init())
    let key = try await platform.createOrganization(named: "stall")
    let client = PlatformClient(platform: platform, organization: "stall", key: key)
    for live in scenario.liveTables {
      try await client.create(live.table)
      try await client.addRows(to: live.table, count: live.rows)
    }
    for chatbot in scenario.liveChatbots { try await client.create(chatbot) }
    let base = try #require(URL(string: platform.baseURL))
    let recorder = TimeoutRecorder(
      inner: NIOHTTPTransport(baseURL: base, timeout: .seconds(5)))
    let provider = HeHoProvider(
      access: PlatformAccess(
        endpoint: base, apiKey: key, transport: recorder,
        retry: RetryPolicy(maxAttempts: 5, sleep: { _ in }, random: { 0 })))
    await platform.resetMetrics()
    var gaveUp = 0
    for run in 1...3 {
      await platform.setFaults(scenario.faults(run: run))
      // Under faults a read may run out of retries: that error, and only that one, is expected.
      let live = try await Self.unlessRetriesRanOut(&gaveUp) { try await provider.fetchLiveState() }
      for resource in live?.resources ?? [] where resource.address.kind == "table" {
        _ = try await Self.unlessRetriesRanOut(&gaveUp) {
          try await provider.countRecords(in: resource)
        }
      }
    }
    await platform.setFaults(.none)
    let metrics = await platform.metrics()
    try await platform.shutdown()
    let faults = metrics.faults.values.reduce(0, +)
    print(
      "transport stall, seed \(seed): \(faults) faults \(metrics.faults), \(gaveUp) reads gave up")
    // Measured: 6 faults for seed 72, 2 for seed 97 (the sequence is seeded).
    #expect(faults >= 2, "only \(faults) faults fired: the reads were not under faults")
    #expect(recorder.timeouts == 0, "\(recorder.timeouts) requests waited for the timeout")
  }

  /// `read`'s value, or `nil` (counted in `gaveUp`) when it failed because its retries ran out
  /// on injected faults. Any other error fails the test.
  static func unlessRetriesRanOut<T>(
    _ gaveUp: inout Int, _ read: () async throws -> T
  ) async throws -> T? {
    do {
      return try await read()
    } catch let error as ProviderError where Self.ranOutOfRetries(error) {
      gaveUp += 1
      return nil
    }
  }

  /// Whether `error` is a read that gave up after its retries (what `APIClient` reports when
  /// every attempt met a fault), not a refusal or an unreadable answer.
  static func ranOutOfRetries(_ error: ProviderError) -> Bool {
    error.status == nil && error.message.contains("gave up after")
  }

  /// The check lets through only reads that ran out of retries: a refusal, an unreadable
  /// answer or any other error fails the run.
  @Test func onlyAReadThatRanOutOfRetriesIsForgiven() async throws {
    var gaveUp = 0
    let forgiven = try await Self.unlessRetriesRanOut(&gaveUp) { () async throws -> Int in
      throw ProviderError(
        "listing tables: GET /api/v1/database/manage failed with 503: HTTP 503 "
          + "(gave up after 5 attempts)")
    }
    #expect(forgiven == nil && gaveUp == 1)
    let others: [any Error] = [
      ProviderError("listing tables: HeHo refused it with 400: bad request", status: 400),
      ProviderError("listing tables: GET /api/v1/database/manage returned a body heho cannot read"),
      CancellationError(),
    ]
    for other in others {
      var count = 0
      await #expect(throws: (any Error).self) {
        _ = try await Self.unlessRetriesRanOut(&count) { () async throws -> Int in throw other }
      }
      #expect(count == 0, "\(other) was forgiven")
    }
  }

  @Test func concurrentCreatesAllGetAnswers() async throws {
    let platform = try await LocalPlatform.start(.init())
    let key = try await platform.createOrganization(named: "transport")
    let base = try #require(URL(string: platform.baseURL))
    let transport = NIOHTTPTransport(baseURL: base, timeout: .seconds(5))
    let failures = await withTaskGroup(of: String?.self) { group in
      var failures: [String] = []
      for index in 0..<120 {
        if index >= 8, let result = await group.next(), let failure = result {
          failures.append(failure)
        }
        group.addTask {
          let body = try? JSONSerialization.data(withJSONObject: [
            "name": "bot-\(index)", "goal": "Support", "model": "m",
            "description": ScenarioGenerator.prompt("bot-\(index)"),
          ])
          let request = HTTPRequest(
            method: "POST", path: "/api/v1/chatbots/manage",
            headers: ["Authorization": "Bearer \(key)", "Content-Type": "application/json"],
            body: body)
          do {
            let response = try await transport.send(request)
            return response.status == 201 ? nil : "bot-\(index): status \(response.status)"
          } catch {
            return "bot-\(index): \(error)"
          }
        }
      }
      for await result in group { if let result { failures.append(result) } }
      return failures
    }
    try await platform.shutdown()
    #expect(failures.isEmpty, "\(failures.count) requests failed: \(failures.prefix(5))")
  }
}

/// Passes requests on and counts those that timed out. (`@unchecked Sendable`: the one mutable
/// count is only touched under `lock`.)
final class TimeoutRecorder: HTTPTransport, @unchecked Sendable {
  let inner: any HTTPTransport
  private let lock = NSLock()
  private var count = 0

  init(inner: any HTTPTransport) {
    self.inner = inner
  }

  var timeouts: Int { lock.withLock { count } }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    do {
      return try await inner.send(request)
    } catch let error as TransportError {
      if error.kind == .timedOut { lock.withLock { count += 1 } }
      throw error
    }
  }
}
