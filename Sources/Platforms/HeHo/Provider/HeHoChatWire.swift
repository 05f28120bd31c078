import HehoEngine

/// The body of `POST /api/aichat`: the new message, and the earlier turns as history (HeHo
/// keeps no conversation of its own).
struct HeHoChatRequest: Encodable, Sendable {
  var chatbotId: String
  var messages: [TranscriptMessage]
  var history: [TranscriptMessage]
}

/// The answer of `POST /api/aichat`; the reply is `response`.
struct HeHoChatAnswer: Decodable, Sendable {
  var chatbotId: String?
  var response: String
  var model: String?
  var local: Bool?
}
