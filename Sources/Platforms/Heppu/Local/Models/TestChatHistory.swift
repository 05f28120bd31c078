import LocalServerKit

/// The earlier messages of a test chat's conversation (`history` in `POST /agents/{id}/test`),
/// which the local platform keeps no record of: a client that holds a conversation sends them
/// with each message, so a model behind `--chat-endpoint` sees the whole conversation.
struct TestChatHistory: Sendable, Hashable {
  /// One earlier message.
  struct Message: Sendable, Hashable {
    var role: String
    var content: String
  }

  /// The messages, oldest first.
  var messages: [Message]

  /// The most messages a request may carry.
  static let maximumCount = 100
  /// The characters one message's content may have.
  static let contentLength = 1...10_000
  /// The roles a message may have.
  static let roles = ["user", "assistant"]

  /// A history of `messages` (none: a conversation's first message).
  init(messages: [Message] = []) {
    self.messages = messages
  }

  /// The history in `value` (the request's `history` member); a 400 naming the member at fault
  /// (`history`, `history[2].role`) when it is not an array of at most 100
  /// `{"role": "user" | "assistant", "content": "…"}` objects.
  init(_ value: JSONValue) throws {
    guard case .array(let elements) = value else {
      throw LocalAPIError.badRequest(
        "history must be an array of {role, content} messages (got \(value.typeName))",
        field: "history")
    }
    guard elements.count <= Self.maximumCount else {
      throw LocalAPIError.badRequest(
        "history may hold at most \(Self.maximumCount) messages (got \(elements.count))",
        field: "history")
    }
    messages = try elements.enumerated().map { try Self.message($1, at: "history[\($0)]") }
  }

  /// The messages as a chat endpoint takes them.
  var endpointMessages: [[String: String]] {
    messages.map { ["role": $0.role, "content": $0.content] }
  }

  private static func message(_ value: JSONValue, at position: String) throws -> Message {
    guard case .object(let fields) = value else {
      throw LocalAPIError.badRequest(
        "\(position) must be an object {role, content} (got \(value.typeName))", field: position)
    }
    for key in fields.keys.sorted() where key != "role" && key != "content" {
      throw LocalAPIError.badRequest(
        "unknown history message field '\(key.prefix(100))'; known fields: role, content",
        field: "\(position).\(key)")
    }
    guard case .string(let role) = fields["role"] ?? .null, roles.contains(role) else {
      throw LocalAPIError.badRequest(
        "\(position).role must be one of \(roles.joined(separator: ", "))",
        field: "\(position).role")
    }
    guard case .string(let content) = fields["content"] ?? .null,
      contentLength.contains(content.count)
    else {
      throw LocalAPIError.badRequest(
        "\(position).content must be a string of \(contentLength.lowerBound) to "
          + "\(contentLength.upperBound) characters", field: "\(position).content")
    }
    return Message(role: role, content: content)
  }
}
