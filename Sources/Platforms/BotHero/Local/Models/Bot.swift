import LocalServerKit

/// A BotHero bot, as the API returns it (`docs/bothero-api-contract.md`, "Bots").
struct Bot: Codable, Sendable, Hashable {
  /// The models a bot may use; the first is the default.
  static let models = ["gpt-oss-120b", "gpt-oss-20b", "llama-3.3-70b"]
  /// The welcome message of a bot created without one.
  static let defaultWelcome = "Hi! How can I help you today?"

  var id: String
  var name: String
  var model: String
  var instructions: String
  var welcomeMessage: String
  var temperature: Double
  var leadCapture: Bool
  var createdAt: String
  var updatedAt: String

  enum CodingKeys: String, CodingKey {
    case id, name, model, instructions, temperature
    case welcomeMessage = "welcome_message"
    case leadCapture = "lead_capture"
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }

  /// A new bot with every default, before the request's fields are applied.
  static func new(now: String) -> Bot {
    Bot(
      id: LocalID.make("bot_"), name: "", model: models[0], instructions: "",
      welcomeMessage: defaultWelcome, temperature: 0.7, leadCapture: false, createdAt: now,
      updatedAt: now)
  }

  /// Applies a create's or an update's fields; 400 naming the field on anything invalid.
  mutating func apply(_ fields: [String: JSONValue], creating: Bool) throws {
    let check = FieldCheck(fields: fields, what: "bot")
    try check.known([
      "name", "model", "instructions", "welcome_message", "temperature", "lead_capture",
    ])
    if creating, fields["name"] == nil {
      throw LocalAPIError.badRequest("name is required: 1 to 100 characters", field: "name")
    }
    if let name = try check.string("name", length: 1...100) { self.name = name }
    if let model = try check.string("model", length: 1...100) {
      guard Self.models.contains(model) else {
        throw LocalAPIError.badRequest(
          "model '\(model)' is not offered; use one of \(Self.models.joined(separator: ", "))",
          field: "model")
      }
      self.model = model
    }
    if let text = try check.string("instructions", length: 0...20_000) { instructions = text }
    if let text = try check.string("welcome_message", length: 0...500) { welcomeMessage = text }
    if let value = try check.number("temperature", in: 0...2) { temperature = value }
    if let value = try check.bool("lead_capture") { leadCapture = value }
  }
}
