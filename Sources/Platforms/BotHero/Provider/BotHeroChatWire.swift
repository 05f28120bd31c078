/// The body of `POST /chat/completions`: one message, in the conversation the client named.
struct ChatCompletionRequest: Encodable, Sendable {
  var botID: String
  var message: String
  var conversationID: String

  enum CodingKeys: String, CodingKey {
    case message
    case botID = "bot_id"
    case conversationID = "conversation_id"
  }
}

/// The answer of `POST /chat/completions`; the reply is `content`.
struct ChatCompletionWire: Decodable, Sendable {
  var content: String
}

/// A lead as `GET /analytics/leads` lists it.
struct LeadWire: Decodable, Sendable {
  var id: String?
  var email: String?
  var conversationID: String?

  enum CodingKeys: String, CodingKey {
    case id, email
    case conversationID = "conversation_id"
  }
}

/// One delivery attempt as HehoLocal's log `GET /webhooks/{id}/deliveries` lists it.
struct DeliveryWire: Decodable, Sendable {
  var eventType: String
  var attempt: Int?
  var succeeded: Bool?
  var statusCode: Int?
  var error: String?
  var conversationID: String?

  enum CodingKeys: String, CodingKey {
    case attempt, succeeded, error
    case eventType = "event_type"
    case statusCode = "status_code"
    case conversationID = "conversation_id"
  }
}
