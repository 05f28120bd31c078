/// An organization: the owner of chatbots, tables and API keys.
struct Organization: Sendable, Hashable, Codable {
  /// Stable identifier (a UUID string).
  var id: String
  /// Unique name (`default` for the first one).
  var name: String
}
