import Foundation
import HehoEngine
import HehoManifest
import MultipartKit
import PlatformKit

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
    let kind = try BotHeroKind(of: step.address, on: "BotHero")
    let collection: String
    switch kind {
    case .bot: collection = BotHeroPaths.bots
    case .webhook: collection = BotHeroPaths.webhooks
    case .knowledgeDocument: return try await writeDocument(step)
    case .knowledgeBase:
      throw ProviderError(
        "\(step.address): a knowledge base is written as its documents, never itself; this is "
          + "a bug in heho")
    }
    switch step.action {
    case .create:
      let body = try APIClient.json(try wire(step.payload, for: step))
      let request = HTTPRequest(method: "POST", path: collection, body: body)
      let result = try await writes.create(step, request: request) {
        try await
          (kind == .bot
          ? listBots().map { ($0.name, $0.id) }
          : listWebhooks().map { ($0.name, $0.id) })
          .filter { $0.0 == step.address.name }.map(\.1)
      } createdID: { response in
        try? JSONDecoder().decode(BotHeroCreated.self, from: response.body).id
      }
      if kind == .bot, let id = result.liveID { bots.add(name: step.address.name, id: id) }
      return result
    case .update:
      let id = try liveID(of: step)
      let names = kind == .bot ? BotHeroCompiler.botFields : BotHeroCompiler.webhookFields
      var changed: [String: Value] = [:]
      // `name` changes in a rename (metadata.previousNames); the payload holds the new one.
      for (field, wireName) in names + [("name", "name")] where step.changedFields.contains(field) {
        changed[wireName] = step.payload[wireName] ?? .null
      }
      let body = try APIClient.json(try wire(changed, for: step))
      let request = HTTPRequest(method: "PATCH", path: "\(collection)/\(id)", body: body)
      _ = try await writes.call(
        request, idempotent: true, write: true, doing: "updating \(step.address)")
      if kind == .bot && step.changedFields.contains("name") {
        bots.remove(id: id)
        bots.add(name: step.address.name, id: id)
      }
      return StepResult(liveID: id)
    case .delete:
      let id = try liveID(of: step)
      let result = try await writes.delete(
        step, request: HTTPRequest(method: "DELETE", path: "\(collection)/\(id)"))
      if kind == .bot { bots.remove(id: id) }
      return result
    case .connect:
      throw ProviderError(
        "\(step.address): BotHero resources cannot be connected; remove `connect`")
    case .migrate:
      throw ProviderError("\(step.address): BotHero resources have no records to migrate")
    }
  }

  /// Uploads a document (streamed from its file) or deletes one; BotHero has no update.
  private func writeDocument(_ step: ApplyStep) async throws -> StepResult {
    switch step.action {
    case .create:
      let request = try upload(step)
      let planned = step.payload["sha256"]?.stringValue
      var sent: String?
      let result = try await writes.create(step, request: request) {
        try await listDocuments().filter { $0.name == step.address.name }.map(\.id)
      } createdID: { response in
        let created = try? JSONDecoder().decode(BotHeroCreated.self, from: response.body)
        sent = created?.sha256
        return created?.id
      }
      if let planned, let sent, planned != sent {
        throw ProviderError(
          "\(step.address): the file changed after the plan was made (planned sha256 "
            + "\(planned.prefix(12))…, uploaded \(sent.prefix(12))…); run heho plan again")
      }
      return result
    case .delete:
      let id = try liveID(of: step)
      return try await writes.delete(
        step, request: HTTPRequest(method: "DELETE", path: "\(BotHeroPaths.knowledge)/\(id)"))
    case .update, .connect, .migrate:
      throw ProviderError(
        "\(step.address): BotHero cannot \(step.action.rawValue) a knowledge document; it is "
          + "deleted and uploaded again")
    }
  }

  /// `POST /knowledge/upload`: `bot_id`, `name`, then the file, streamed.
  private func upload(_ step: ApplyStep) throws -> HTTPRequest {
    let botID = try botID(named: step.payload["bot"]?.stringValue ?? "", for: step)
    guard let path = step.payload["path"]?.stringValue else {
      throw ProviderError("\(step.address): the plan names no file to upload; run heho plan again")
    }
    let boundary = "heho-" + UUID().uuidString
    // The file name goes into a header: no quote or line break may end it early.
    let fileName = (path as NSString).lastPathComponent
      .replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "")
      .replacingOccurrences(of: "\n", with: "")
    let parts = [
      MultipartPart(
        headers: ["Content-Disposition": "form-data; name=\"bot_id\""], body: botID),
      MultipartPart(
        headers: ["Content-Disposition": "form-data; name=\"name\""], body: step.address.name),
      MultipartPart(
        headers: [
          "Content-Disposition": "form-data; name=\"file\"; filename=\"\(fileName)\"",
          "Content-Type": "application/octet-stream",
        ], body: ""),
    ]
    // The form is framed by multipart-kit with the file part empty; the file is streamed
    // between the file part's headers and the closing delimiter.
    let suffix = "\r\n--\(boundary)--\r\n"
    let framed: String
    do {
      framed = try MultipartSerializer().serialize(parts: parts, boundary: boundary)
    } catch {
      throw ProviderError("\(step.address): the upload form could not be written: \(error)")
    }
    guard framed.hasSuffix(suffix) else {
      throw ProviderError(
        "\(step.address): the upload form does not end with its closing delimiter; this is a "
          + "bug in heho")
    }
    let prefix = Data(framed.utf8.dropLast(suffix.utf8.count))
    var request = HTTPRequest(
      method: "POST", path: BotHeroPaths.upload,
      headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"])
    request.streamedBody = StreamedBody(
      prefix: prefix, path: path, suffix: Data(suffix.utf8))
    return request
  }

  /// The ID of the one bot named `name` (created earlier in this apply, or read live).
  private func botID(named name: String, for step: ApplyStep) throws -> String {
    let ids = bots.ids(named: name)
    guard ids.count == 1, let id = ids.first else {
      throw ProviderError(
        "\(step.address): the bot '\(name)' is "
          + (ids.isEmpty ? "not on the platform" : "on the platform \(ids.count) times")
          + "; run heho plan again")
    }
    return id
  }

  /// A payload as the API takes it: a webhook's bot by ID, its secret from this run's manifests.
  private func wire(_ payload: [String: Value], for step: ApplyStep) throws -> [String: Value] {
    var body = payload
    if let bot = body.removeValue(forKey: "bot") {
      if let name = bot.stringValue {
        body["bot_id"] = .string(try botID(named: name, for: step))
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
