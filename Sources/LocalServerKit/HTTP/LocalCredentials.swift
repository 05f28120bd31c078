/// Where a platform's callers put their API key, and how its messages name the key.
package struct LocalCredentials: Sendable {
  /// The key's name in messages (`YOUR_HEHO_API_KEY`).
  package var keyName: String
  /// A header that carries the bare key, besides `Authorization: Bearer` (`x-api-key`).
  package var keyHeader: String?
  /// Turns a bearer that is not an API key into an organization (short-lived tokens), given the
  /// request's path; `nil` when the platform knows bearers of one kind only.
  package var tokens: (@Sendable (_ bearer: String, _ path: String) async throws -> Organization?)?

  /// Creates a credentials description.
  package init(
    keyName: String, keyHeader: String? = nil,
    tokens: (@Sendable (_ bearer: String, _ path: String) async throws -> Organization?)? = nil
  ) {
    self.keyName = keyName
    self.keyHeader = keyHeader
    self.tokens = tokens
  }
}
