import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// A test conversation with a BotHero bot through `POST /chat/completions`.
///
/// The platform keeps the conversation: every turn names the same `conversation_id`, chosen
/// here once, so the turns (and any retry of one) land in one conversation, and its leads and
/// webhook deliveries can be told from everyone else's.
actor BotHeroConversation: Conversation {
  /// The calls, phrased and redacted like every other BotHero call.
  let writes: PlatformWrites
  /// The bot talked to.
  let bot: LiveResource
  /// The conversation's ID on the platform (at most 100 characters, as the API allows).
  let conversationID: String
  /// The live IDs of the project's webhooks, by name, for `webhookDelivered`.
  let webhooks: [String: String]
  /// Whether HehoLocal serves the platform, with its delivery log.
  let localExtras: Bool
  /// How a delivery is waited for.
  let polling: DeliveryPolling
  /// Turns sent so far.
  private(set) var turns = 0

  /// Opens a conversation with `bot`; `live` gives the webhooks' IDs.
  init(
    writes: PlatformWrites, bot: LiveResource, live: LiveState, localExtras: Bool,
    polling: DeliveryPolling = .standard, conversationID: String = BotHeroConversation.newID()
  ) {
    self.writes = writes
    self.bot = bot
    self.localExtras = localExtras
    self.polling = polling
    self.conversationID = conversationID
    var webhooks: [String: String] = [:]
    let webhookKind = BotHeroKind.webhook.addressKind
    for resource in live.resources where resource.address.kind == webhookKind {
      webhooks[resource.address.name] = resource.id
    }
    self.webhooks = webhooks
  }

  /// A fresh conversation ID, recognizably heho's own (46 characters).
  static func newID() -> String { "heho-test-" + UUID().uuidString.lowercased() }

  func send(_ message: String) async throws -> ConversationReply {
    turns += 1
    let doing = "sending turn \(turns) to \(bot.address)"
    let body = ChatCompletionRequest(
      botID: bot.id, message: message, conversationID: conversationID)
    let request = HTTPRequest(
      method: "POST", path: BotHeroPaths.chat, body: try APIClient.json(body))
    // Sent as idempotent: a turn re-sent after an unknown outcome lands in the same
    // conversation and at worst repeats the user's message in its transcript, which changes no
    // reply (replies are made from the latest message). Not a write: no configuration changes.
    let response = try await writes.call(request, idempotent: true, write: false, doing: doing)
    let answer = try decode(ChatCompletionWire.self, from: response, for: request, doing: doing)
    return ConversationReply(text: answer.content, sources: ReplySources.decode(response))
  }

  func check(_ effect: ConversationEffect) async throws -> CheckOutcome {
    switch effect {
    case .leadCaptured(let expected): return try await checkLead(expected: expected)
    case .webhookDelivered(let webhook, let event):
      return try await checkDelivery(webhook: webhook, event: event)
    }
  }

  /// Whether `GET /analytics/leads` (the seed's endpoint, live platforms have it too) lists a
  /// lead of this conversation.
  func checkLead(expected: Bool) async throws -> CheckOutcome {
    let request = HTTPRequest(
      method: "GET", path: BotHeroPaths.leads, query: [.init("bot_id", bot.id)])
    let doing = "reading the leads of \(bot.address)"
    let response = try await writes.call(request, idempotent: true, write: false, doing: doing)
    let leads = try decode(BotHeroPage<LeadWire>.self, from: response, for: request, doing: doing)
      .data.filter { $0.conversationID == conversationID }
    let captured =
      leads.isEmpty
      ? "no lead was captured in this conversation"
      : "a lead was captured: " + leads.map { $0.email ?? $0.id ?? "?" }.joined(separator: ", ")
    return leads.isEmpty == expected ? .failed(captured) : .passed(captured)
  }

  /// Whether the platform sent an `event` of this conversation to the webhook named `webhook`:
  /// read from HehoLocal's delivery log, polled until the first attempt shows.
  func checkDelivery(webhook: String, event: String) async throws -> CheckOutcome {
    guard let id = webhooks[webhook] else {
      return .failed("no webhook named \(webhook) on BotHero")
    }
    guard localExtras else {
      return .notCheckable(
        "BotHero's API has no delivery log; webhookDelivered is checked on the local platform "
          + "(heho test --local)")
    }
    let clock = ContinuousClock()
    let deadline = clock.now + polling.timeout
    while true {
      let attempts = try await deliveries(webhookID: id, webhook: webhook).filter {
        $0.eventType == event && $0.conversationID == conversationID
      }
      if !attempts.isEmpty { return .passed(Self.outcome(of: attempts)) }
      guard clock.now + polling.interval <= deadline else { break }
      try await Task.sleep(for: polling.interval)
    }
    return .failed(
      "no \(event) event was sent to \(webhook) for this conversation within "
        + polling.timeoutText)
  }

  /// What became of the event: a successful attempt if there is one, else the latest. The
  /// sandbox has no network, so a receiver not reached still shows the event was dispatched.
  static func outcome(of attempts: [DeliveryWire]) -> String {
    let latest = attempts.max { ($0.attempt ?? 0) < ($1.attempt ?? 0) }
    guard let shown = attempts.first(where: { $0.succeeded == true }) ?? latest else {
      return "sent"
    }
    if let status = shown.statusCode { return "sent; the receiver answered \(status)" }
    return "sent; the receiver was not reached: \(shown.error ?? "no answer")"
  }

  /// The delivery log of one webhook (`GET /webhooks/{id}/deliveries`, a HehoLocal extra).
  func deliveries(webhookID: String, webhook: String) async throws -> [DeliveryWire] {
    let request = HTTPRequest(
      method: "GET", path: "\(BotHeroPaths.webhooks)/\(webhookID)/deliveries")
    let doing = "reading the deliveries of webhook/\(webhook)"
    let response = try await writes.call(request, idempotent: true, write: false, doing: doing)
    return try decode(BotHeroPage<DeliveryWire>.self, from: response, for: request, doing: doing)
      .data
  }

  private func decode<T: Decodable>(
    _ type: T.Type, from response: HTTPResponse, for request: HTTPRequest, doing: String
  ) throws -> T {
    do {
      return try writes.client.decode(type, from: response, for: request.line)
    } catch let error as APIClientError {
      throw writes.failure(error, doing: doing)
    }
  }
}
