import Foundation

/// A bot as `GET /bots` lists it.
struct BotWire: Decodable, Sendable {
  var id: String
  var name: String
  var model: String?
  var instructions: String?
  var welcomeMessage: String?
  var temperature: Double?
  var leadCapture: Bool?

  enum CodingKeys: String, CodingKey {
    case id, name, model, instructions, temperature
    case welcomeMessage = "welcome_message"
    case leadCapture = "lead_capture"
  }
}

/// A webhook as `GET /webhooks` lists it: never its secret, only a salted fingerprint.
struct WebhookWire: Decodable, Sendable {
  var id: String
  var name: String
  var url: String?
  var events: [String]?
  var botID: String?
  var active: Bool?
  var secretHint: String?

  enum CodingKeys: String, CodingKey {
    case id, name, url, events, active
    case botID = "bot_id"
    case secretHint = "secret_hint"
  }
}

/// A knowledge document as `GET /knowledge/documents` lists it (never its content).
struct DocumentWire: Decodable, Sendable {
  var id: String
  var botID: String
  var name: String
  var size: Int?
  var sha256: String?

  enum CodingKeys: String, CodingKey {
    case id, name, size, sha256
    case botID = "bot_id"
  }
}

/// `{"data": [...]}`.
struct BotHeroPage<Element: Decodable & Sendable>: Decodable, Sendable {
  var data: [Element]
}

/// The ID in a create's answer (and an upload's hash).
struct BotHeroCreated: Decodable, Sendable {
  var id: String?
  var sha256: String?
}

/// The paths of the BotHero API, relative to the endpoint (`https://api.bothero.ai/v1`).
enum BotHeroPaths {
  static let bots = "/bots"
  static let webhooks = "/webhooks"
  static let documents = "/knowledge/documents"
  static let upload = "/knowledge/upload"
  static let knowledge = "/knowledge"
  static let chat = "/chat/completions"
  static let leads = "/analytics/leads"
}
