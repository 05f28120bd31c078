import Foundation
import LocalServerKit

/// Turns platform events into webhook deliveries: every active webhook of the organization
/// that subscribes to the event's type, and is for every bot or for the event's bot, gets one.
struct EventBus: Sendable {
  let webhooks: WebhookStore
  let queue: DeliveryQueue

  /// The body of a delivery.
  struct Event<Data: Encodable & Sendable>: Encodable, Sendable {
    var id: String
    var type: String
    var createdAt: String
    var data: Data

    enum CodingKeys: String, CodingKey {
      case id, type, data
      case createdAt = "created_at"
    }
  }

  /// Emits an event; deliveries run in the background, never delaying the request.
  /// `conversationID` is the conversation a chat's event belongs to (the delivery log shows it,
  /// so a conversation test finds its own deliveries); events of no conversation leave it out.
  func emit(
    _ type: String, data: some Encodable & Sendable, botID: String?,
    conversationID: String? = nil, organization: Organization
  ) async {
    guard let all = try? await webhooks.list(organization: organization) else { return }
    let targets = all.filter { webhook in
      webhook.active && webhook.events.contains(type)
        && (webhook.botID == nil || webhook.botID == botID)
    }
    guard !targets.isEmpty else { return }
    let event = Event(id: LocalID.make("evt_"), type: type, createdAt: SQLiteFile.now(), data: data)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let body = try? encoder.encode(event) else { return }
    for webhook in targets {
      queue.enqueue(
        DeliveryQueue.Job(
          webhookID: webhook.id, url: webhook.url, secret: webhook.secret, eventID: event.id,
          eventType: type, conversationID: conversationID, body: body))
    }
  }
}
