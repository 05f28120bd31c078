import Foundation
import HehoEngine
import HehoManifest
import HehoTestSupport
import PlatformKit
import Testing

@testable import BotHeroProvider

/// `webhookDelivered`: HehoLocal's delivery log, polled until this conversation's event shows.
extension BotHeroConversationTests {
  /// A delivery log that shows this conversation's `lead.captured` from the `showsOn`th read
  /// on (never, when `nil`), beside another conversation's and another event's.
  static func deliveries(showsOn: Int?, statusCode: String = "200") -> RecordingTransport {
    RecordingTransport { _, earlier in
      let others =
        #"{"event_type": "lead.captured", "attempt": 1, "succeeded": true, "status_code": 200, "#
        + #""error": null, "conversation_id": "conv_other"}, "#
        + #"{"event_type": "message.created", "attempt": 1, "succeeded": true, "#
        + #""status_code": 200, "error": null, "conversation_id": "heho-test-1"}"#
      guard let showsOn, earlier + 1 >= showsOn else {
        return RecordingTransport.json(#"{"data": [\#(others)]}"#)
      }
      let error = statusCode == "null" ? #""connection refused""# : "null"
      let own =
        #"{"event_type": "lead.captured", "attempt": 1, "succeeded": \#(statusCode == "200"), "#
        + #""status_code": \#(statusCode), "error": \#(error), "conversation_id": "heho-test-1"}"#
      return RecordingTransport.json(#"{"data": [\#(others), \#(own)]}"#)
    }
  }

  static let delivered = ConversationEffect.webhookDelivered(
    webhook: "crm-leads", event: "lead.captured")

  @Test func aDeliveryThatShowsOnTheThirdReadPasses() async throws {
    let transport = Self.deliveries(showsOn: 3)
    // A generous timeout: the test counts reads, and a loaded machine may oversleep an interval.
    let polling = DeliveryPolling(interval: .milliseconds(1), timeout: .seconds(60))
    let outcome = try await Self.known(transport, polling: polling).check(Self.delivered)
    #expect(outcome == .passed("sent; the receiver answered 200"))
    #expect(
      await transport.requests.map(\.line)
        == Array(
          repeating: "GET /webhooks/wh_9/deliveries", count: 3))
  }

  @Test func aReceiverNotReachedStillShowsTheEventWasSent() async throws {
    let outcome = try await Self.known(Self.deliveries(showsOn: 1, statusCode: "null"))
      .check(Self.delivered)
    #expect(outcome == .passed("sent; the receiver was not reached: connection refused"))
  }

  @Test func noDeliveryWithinTheTimeoutFails() async throws {
    let transport = Self.deliveries(showsOn: nil)
    let polling = DeliveryPolling(interval: .milliseconds(5), timeout: .milliseconds(50))
    let outcome = try await Self.known(transport, polling: polling).check(Self.delivered)
    #expect(
      outcome
        == .failed(
          "no lead.captured event was sent to crm-leads for this conversation within 0.05 s"))
    let reads = await transport.requests.count
    #expect(reads >= 2 && reads <= 11)
  }

  @Test func theStandardPollingIsEvery50MillisecondsFor5Seconds() {
    #expect(DeliveryPolling.standard.interval == .milliseconds(50))
    #expect(DeliveryPolling.standard.timeout == .seconds(5))
    #expect(DeliveryPolling.standard.timeoutText == "5 s")
  }

  @Test func withoutLocalExtrasADeliveryIsNotCheckable() async throws {
    let transport = Self.deliveries(showsOn: 1)
    let outcome = try await Self.known(transport, localExtras: false).check(Self.delivered)
    #expect(
      outcome
        == .notCheckable(
          "BotHero's API has no delivery log; webhookDelivered is checked on the local platform "
            + "(heho test --local)"))
    #expect(await transport.requests.isEmpty)
  }

  @Test func anUnknownWebhookFails() async throws {
    let outcome = try await Self.known(Self.deliveries(showsOn: 1)).check(
      .webhookDelivered(webhook: "billing", event: "lead.captured"))
    #expect(outcome == .failed("no webhook named billing on BotHero"))
  }

  @Test func onlyBotsConverse() async throws {
    let provider = BotHeroProvider(
      access: PlatformAccess(
        endpoint: URL(filePath: "/"), apiKey: Self.key, transport: Self.deliveries(showsOn: 1)))
    let opening = try await provider.openConversation(
      with: Self.webhook, live: LiveState(resources: [], readsMade: 0))
    guard case .notRunnable(let reason) = opening else {
      Issue.record("a webhook opened a conversation")
      return
    }
    #expect(reason == "webhook resources of bothero do not hold conversations")
  }

  @Test func aFailedTurnSaysWhichTurnAndNeverTheKey() async throws {
    let transport = RecordingTransport { _, _ in
      RecordingTransport.json(
        #"{"error": {"message": "bot \#(Self.key) is gone", "param": "bot_id"}}"#, status: 404)
    }
    await #expect {
      _ = try await Self.known(transport).send("Hello")
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix("sending turn 1 to bot/helpdesk: BotHero refused it with 404")
        && !text.contains(Self.key)
    }
  }
}
