import Crypto
import Foundation
import LocalServerKit

/// A BotHero webhook, as stored. Its secret is write-only: responses carry `secret_hint`, a
/// salted fingerprint from which the secret cannot be read back (`docs/bothero-api-contract.md`,
/// "Webhook secrets").
struct Webhook: Sendable, Hashable {
  /// The events a webhook may subscribe to.
  static let events = [
    "bot.created", "bot.updated", "bot.deleted", "conversation.started", "conversation.ended",
    "message.created", "lead.captured", "knowledge.document.ready", "knowledge.document.deleted",
  ]

  var id: String
  var name: String
  var url: String
  var events: [String]
  var botID: String?
  var active: Bool
  var secret: String
  var secretSalt: String
  var createdAt: String
  var updatedAt: String

  /// `whfp1:SALT:HEX`: the first 16 hex digits of HMAC-SHA256(key: SALT, message: secret).
  var secretHint: String { Self.hint(secret: secret, salt: secretSalt) }

  static func hint(secret: String, salt: String) -> String {
    let code = HMAC<SHA256>.authenticationCode(
      for: Data(secret.utf8), using: SymmetricKey(data: Data(salt.utf8)))
    return "whfp1:\(salt):\(Hex.string(code).prefix(16))"
  }

  /// A new webhook with every default, before the request's fields are applied.
  static func new(now: String) -> Webhook {
    Webhook(
      id: LocalID.make("wh_"), name: "", url: "", events: [], botID: nil, active: true,
      secret: "", secretSalt: LocalID.make("", length: 12), createdAt: now, updatedAt: now)
  }

  /// The response form: never the secret.
  var response: Response {
    Response(
      id: id, name: name, url: url, events: events, botID: botID, active: active,
      secretHint: secretHint, createdAt: createdAt, updatedAt: updatedAt)
  }

  /// A webhook in a response.
  struct Response: Codable, Sendable, Hashable {
    var id: String
    var name: String
    var url: String
    var events: [String]
    var botID: String?
    var active: Bool
    var secretHint: String
    var createdAt: String
    var updatedAt: String
    /// Only in the answer to a create that generated the secret: shown once.
    var secret: String?

    enum CodingKeys: String, CodingKey {
      case id, name, url, events, active, secret
      case botID = "bot_id"
      case secretHint = "secret_hint"
      case createdAt = "created_at"
      case updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(name, forKey: .name)
      try container.encode(url, forKey: .url)
      try container.encode(events, forKey: .events)
      try container.encode(botID, forKey: .botID)
      try container.encode(active, forKey: .active)
      try container.encode(secretHint, forKey: .secretHint)
      try container.encode(createdAt, forKey: .createdAt)
      try container.encode(updatedAt, forKey: .updatedAt)
      try container.encodeIfPresent(secret, forKey: .secret)
    }
  }
}
