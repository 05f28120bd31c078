import Foundation
import HeHoProvider
import HehoEngine
import HehoManifest
import HehoTestSupport
import PlatformKit
import Testing

@Suite struct APIClientTests {
  static func provider(_ fake: FakeHeHo, _ sleeps: SleepRecorder) async -> HeHoProvider {
    HeHoProvider(
      client: APIClient(transport: await fake.transport, apiKey: FakeHeHo.key, retry: sleeps.policy)
    )
  }

  @Test func tooManyRequestsHonoursRetryAfterWithACap() async throws {
    let fake = FakeHeHo()
    await fake.fail(
      "GET /api/v1/chatbots/manage",
      with: [.status(429, retryAfter: "3"), .status(429, retryAfter: "100")])
    let sleeps = SleepRecorder()
    let live = try await Self.provider(fake, sleeps).fetchLiveState()
    #expect(live.resources.isEmpty)
    #expect(sleeps.recorded == [.seconds(3), .seconds(10)])
    #expect(live.readsMade == 4)
  }

  @Test func serverErrorsAreRetriedWithJitteredExponentialBackoff() async throws {
    let fake = FakeHeHo()
    await fake.fail(
      "GET /api/v1/database/manage",
      with: [.status(503, retryAfter: nil), .status(500, retryAfter: nil), .drop])
    let sleeps = SleepRecorder()
    _ = try await Self.provider(fake, sleeps).fetchLiveState()
    #expect(sleeps.recorded == [.milliseconds(75), .milliseconds(150), .milliseconds(300)])
  }

  @Test func retriesGiveUpWithAClearMessage() async throws {
    let fake = FakeHeHo()
    await fake.fail(
      "GET /api/v1/database/manage", with: Array(repeating: .status(503, retryAfter: nil), count: 9)
    )
    let sleeps = SleepRecorder()
    await #expect {
      try await Self.provider(fake, sleeps).fetchLiveState()
    } throws: { error in
      "\(error)".contains("listing tables") && "\(error)".contains("gave up after 4 attempts")
    }
  }

  @Test func badRequestIsNotRetriedAndTheKeyIsRedacted() async throws {
    let fake = FakeHeHo()
    await fake.setEcho(true)
    let sleeps = SleepRecorder()
    let step = ApplyStep(
      action: .create, address: ResourceAddress(kind: "chatbot", name: "bot"),
      payload: ["name": .string("bot")])
    do {
      _ = try await Self.provider(fake, sleeps).perform(step)
      Issue.record("expected a failure")
    } catch let error as ProviderError {
      #expect(error.status == 400)
      #expect(error.message.contains("HeHo refused it with 400: bad request from key [redacted]"))
      #expect(!error.message.contains(FakeHeHo.key))
    }
    #expect(await fake.lines() == ["POST /api/v1/chatbots/manage"])
    #expect(sleeps.recorded.isEmpty)
  }

  @Test func unknownKeyIsReportedWithoutTheKey() async throws {
    let fake = FakeHeHo()
    let provider = HeHoProvider(
      client: APIClient(
        transport: await fake.transport, apiKey: "wrong-key-123", retry: .immediate()))
    await #expect {
      try await provider.fetchLiveState()
    } throws: { error in
      "\(error)".contains("401") && !"\(error)".contains("wrong-key-123")
    }
  }

  @Test(arguments: [
    ("1.5", Duration.milliseconds(1500)), ("0", .zero), ("soon", .milliseconds(75)),
  ])
  func retryAfterParsing(header: String, expected: Duration) {
    let policy = SleepRecorder().policy
    #expect(policy.delay(beforeRetry: 1, retryAfter: header) == expected)
  }

  @Test func backoffIsCapped() {
    let policy = SleepRecorder().policy
    #expect(policy.delay(beforeRetry: 20) == .milliseconds(750))
  }
}

/// Each platform's error shape gives its message (and field), redacted.
@Suite struct APIClientErrorMessageTests {
  @Test(arguments: [
    (#"{"error":"no table 'faq'","field":"tableName"}"#, "no table 'faq' (field tableName)"),
    (
      #"{"error":{"type":"invalid_request_error","message":"name is taken","param":"name"}}"#,
      "name is taken (field name)"
    ),
    (
      #"{"success":false,"error":{"message":"Agent not found","code":404}}"#,
      "Agent not found"
    ),
    (#"{"success":false,"error":{"message":"bad key sk/1+2=","code":400}}"#, "bad key [redacted]"),
    ("not json", "HTTP 400"), (#"{"error":{"code":400}}"#, "HTTP 400"),
  ])
  func theMessageOfEachPlatformsErrorShape(body: String, shown: String) async throws {
    let client = APIClient(
      transport: ClosureTransport { _ in HTTPResponse(status: 400, body: Data(body.utf8)) },
      apiKey: "sk/1+2=", retry: .immediate())
    do {
      _ = try await client.send(
        HTTPRequest(method: "GET", path: "/x"), idempotent: true, write: false)
      Issue.record("expected a refusal")
    } catch APIClientError.rejected(let status, let message, _) {
      #expect(status == 400)
      #expect(message == shown)
    }
  }
}
