import LocalServerKit

/// A knowledge document, as the API returns it (never its content).
package struct KnowledgeDocument: Codable, Sendable, Hashable {
  /// The file types accepted, by extension, and the content type each is stored as.
  static let types: [String: String] = [
    "txt": "text/plain", "md": "text/markdown", "markdown": "text/markdown", "csv": "text/csv",
    "json": "application/json", "html": "text/html", "htm": "text/html",
  ]
  /// The largest file accepted (10 MiB).
  package static let maximumSize = 10 * 1024 * 1024

  var id: String
  var botID: String
  var name: String
  var contentType: String
  var size: Int
  var sha256: String
  var status: String
  var createdAt: String

  enum CodingKeys: String, CodingKey {
    case id, name, size, sha256, status
    case botID = "bot_id"
    case contentType = "content_type"
    case createdAt = "created_at"
  }

  /// The accepted extensions, for messages.
  static var accepted: String { types.keys.sorted().map { "." + $0 }.joined(separator: ", ") }
}
