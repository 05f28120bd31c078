/// An organization: the owner of keys and of every platform's resources.
package struct Organization: Sendable, Hashable, Codable {
  /// Stable identifier (a UUID string).
  package var id: String
  /// Unique name (`default` for the first one).
  package var name: String

  /// Creates an organization value.
  package init(id: String, name: String) {
    self.id = id
    self.name = name
  }
}
