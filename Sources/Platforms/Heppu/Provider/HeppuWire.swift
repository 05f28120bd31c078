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
  var config: [String: Value]?
  var tools: [Tool]?
  var phoneNumbers: [String]?
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
