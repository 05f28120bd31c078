import Foundation
import HehoEngine
import HehoManifest
import HehoPlatform

extension BotHeroProvider {
  public func perform(_ step: ApplyStep) async throws -> StepResult {
    do {
      return try await write(step)
    } catch let error as ProviderError {
      // The platform's messages could quote what was sent: no secret leaves in an error.
      var message = error.message
      for secret in secrets.all {
        message = message.replacingOccurrences(of: secret, with: "[redacted]")
      }
      throw ProviderError(message, status: error.status)
    }
  }

  private func write(_ step: ApplyStep) async throws -> StepResult {
    let kind = step.address.kind
    let collection = kind == "bot" ? BotHeroPaths.bots : BotHeroPaths.webhooks
    switch step.action {
    case .create:
      let body = try APIClient.json(try wire(step.payload, for: step))
      let request = HTTPRequest(method: "POST", path: collection, body: body)
      let result = try await writes.create(step, request: request) {
        try await
          (kind == "bot"
          ? listBots().map { ($0.name, $0.id) }
          : listWebhooks().map { ($0.name, $0.id) })
          .filter { $0.0 == step.address.name }.map(\.1)
      } createdID: { response in
        try? JSONDecoder().decode(BotHeroCreated.self, from: response.body).id
      }
      if kind == "bot", let id = result.liveID { bots.add(name: step.address.name, id: id) }
      return result
    case .update:
      let id = try liveID(of: step)
      let names = kind == "bot" ? BotHeroCompiler.botFields : BotHeroCompiler.webhookFields
      var changed: [String: Value] = [:]
      for (field, wireName) in names where step.changedFields.contains(field) {
        changed[wireName] = step.payload[wireName] ?? .null
      }
      let body = try APIClient.json(try wire(changed, for: step))
      let request = HTTPRequest(method: "PATCH", path: "\(collection)/\(id)", body: body)
      _ = try await writes.call(
        request, idempotent: true, write: true, doing: "updating \(step.address)")
      return StepResult(liveID: id)
    case .delete:
      let id = try liveID(of: step)
      let result = try await writes.delete(
        step, request: HTTPRequest(method: "DELETE", path: "\(collection)/\(id)"))
      if kind == "bot" { bots.remove(id: id) }
      return result
    case .connect:
      throw ProviderError(
        "\(step.address): BotHero resources cannot be connected; remove `connect`")
    }
  }

  private func liveID(of step: ApplyStep) throws -> String {
    guard let id = step.liveID, !id.isEmpty else {
      throw ProviderError(
        "\(step.address): no live ID to \(step.action.rawValue); run heho plan again")
    }
    return id
  }

  /// A payload as the API takes it: a webhook's bot by ID, its secret from this run's manifests.
  private func wire(_ payload: [String: Value], for step: ApplyStep) throws -> [String: Value] {
    var body = payload
    if let bot = body.removeValue(forKey: "bot") {
      if let name = bot.stringValue {
        let ids = bots.ids(named: name)
        guard ids.count == 1, let id = ids.first else {
          throw ProviderError(
            "\(step.address): the bot '\(name)' is "
              + (ids.isEmpty ? "not on the platform" : "on the platform \(ids.count) times")
              + "; run heho plan again")
        }
        body["bot_id"] = .string(id)
      } else {
        body["bot_id"] = .null
      }
    }
    if body["secret"] != nil {
      guard let secret = secrets.secret(for: step.address) else {
        throw ProviderError(
          "\(step.address): the signing secret is write-only and is not in the plan; apply from "
            + "the project, with the secret's environment variable set")
      }
      body["secret"] = .string(secret)
    }
    return body
  }
}
