/// An organization: the owner of chatbots, tables and API keys.
package struct Organization: Sendable, Hashable, Codable {
  /// Stable identifier (a UUID string).
  package var id: String
  /// Unique name (`default` for the first one).
  package var name: String
}
