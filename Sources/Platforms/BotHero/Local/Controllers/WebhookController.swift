import Hummingbird
import LocalServerKit

/// `GET` and `POST /webhooks`, `PATCH` and `DELETE /webhooks/:id`, and the local extra
/// `GET /webhooks/:id/deliveries`.
struct WebhookController: Sendable {
  let webhooks: WebhookStore
  let bots: BotStore
  let deliveries: DeliveryStore

  /// Adds the routes to the `/v1` group.
  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.on(path(BotHeroRoutes.listWebhooks), method: .get) { _, context in
      let organization = try context.requireOrganization()
      let list = try await webhooks.list(organization: organization).map(\.response)
      return try JSONResponse.make(BotController.Page(data: list))
    }
    group.on(path(BotHeroRoutes.createWebhook), method: .post) { request, context in
      let organization = try context.requireOrganization()
      let fields = try await RequestBodyDecoder.object(from: request, context: context)
      var webhook = Webhook.new(now: SQLiteFile.now())
      let generated = try await webhook.apply(fields, creating: true) { id in
        try await bots.find(id: id, organization: organization) != nil
      }
      try await webhooks.save(webhook, organization: organization, creating: true)
      var response = webhook.response
      response.secret = generated
      return try JSONResponse.make(response, status: .created)
    }
    group.on(path(BotHeroRoutes.updateWebhook), method: .patch) { request, context in
      let organization = try context.requireOrganization()
      let id = try context.parameters.require("id")
      let fields = try await RequestBodyDecoder.object(from: request, context: context)
      guard var webhook = try await webhooks.find(id: id, organization: organization) else {
        throw Self.notFound(id)
      }
      _ = try await webhook.apply(fields, creating: false) { id in
        try await bots.find(id: id, organization: organization) != nil
      }
      webhook.updatedAt = SQLiteFile.now()
      try await webhooks.save(webhook, organization: organization, creating: false)
      return try JSONResponse.make(webhook.response)
    }
    group.on(path(BotHeroRoutes.deliveries), method: .get) { _, context in
      let organization = try context.requireOrganization()
      let id = try context.parameters.require("id")
      guard try await webhooks.find(id: id, organization: organization) != nil else {
        throw Self.notFound(id)
      }
      return try JSONResponse.make(
        BotController.Page(data: try await deliveries.list(webhookID: id)))
    }
    group.on(path(BotHeroRoutes.deleteWebhook), method: .delete) { _, context in
      let organization = try context.requireOrganization()
      let id = try context.parameters.require("id")
      guard try await webhooks.delete(id: id, organization: organization) else {
        throw Self.notFound(id)
      }
      return try JSONResponse.make(BotController.Deleted(id: id, deleted: true))
    }
  }

  static func notFound(_ id: String) -> LocalAPIError {
    .notFound("no webhook with id '\(id.prefix(100))' in this organization")
  }
}
