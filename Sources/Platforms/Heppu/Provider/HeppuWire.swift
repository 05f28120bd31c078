import HehoManifest

/// An agent as the API returns it (the seed's agent object).
struct AgentWire: Decodable, Sendable {
  struct Tool: Decodable, Sendable {
    var id: String
  }

  var id: String
  var name: String
  var type: String
  var status: String?
  var model: String?
  var instructions: String?
  var config: ConfigWire?
  var tools: [Tool]?
  var phoneNumbers: [String]?
}

/// An agent's `config`, typed: decoding is several times cheaper than a generic value's, and
/// every member the contract gives is here (`docs/heppu-api-contract.md`, "Config").
struct ConfigWire: Decodable, Sendable {
  var voice: String?
  var speed: Double?
  var interruptionThreshold: Double?
  var theme: String?
  var primaryColor: String?
  var backgroundColor: String?
  var textColor: String?
  var position: String?
  var allowedDomains: [String]?

  /// The members present, as values.
  var values: [String: Value] {
    var values: [String: Value] = [:]
    for (key, text) in [
      ("voice", voice), ("theme", theme), ("primaryColor", primaryColor),
      ("backgroundColor", backgroundColor), ("textColor", textColor), ("position", position),
    ] {
      if let text { values[key] = .string(text) }
    }
    if let speed { values["speed"] = .double(speed) }
    if let interruptionThreshold {
      values["interruptionThreshold"] = .double(interruptionThreshold)
    }
    if let allowedDomains { values["allowedDomains"] = .array(allowedDomains.map(Value.string)) }
    return values
  }
}

/// `{"success": true, "data": …, "pagination": …}` (`docs/heppu-api-contract.md`).
struct HeppuEnvelope<Payload: Decodable & Sendable>: Decodable, Sendable {
  struct Pagination: Decodable, Sendable {
    var page: Int
    var limit: Int
    var total: Int
    var totalPages: Int
  }

  var data: Payload
  var pagination: Pagination?
}

/// An agent's ID, from a create's answer.
struct AgentCreated: Decodable, Sendable {
  var id: String
}

/// A chat agent's embed snippet (the local extra `GET /agents/:id/embed`).
struct AgentEmbed: Decodable, Sendable {
  var embedCode: String
}
