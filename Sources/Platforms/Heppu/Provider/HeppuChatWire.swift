import HehoEngine

/// The body of HehoLocal's test chat, `POST /agents/{id}/test`: the new message and the
/// earlier turns (the test chat keeps no conversation of its own).
struct AgentTestRequest: Encodable, Sendable {
  var message: String
  var history: [TranscriptMessage]
}

/// The test chat's `data`: the reply and the model that made it.
struct AgentTestReply: Decodable, Sendable {
  var reply: String
  var model: String?
}
