import Hummingbird

/// The request context of the local platform: the caller's organization and platform, and a way
/// to drop the connection (fault injection).
package struct LocalRequestContext: RequestContext {
  package var coreContext: CoreRequestContextStorage
  /// The organization of the caller's API key, once authenticated.
  package var organization: Organization?
  /// The platform whose route is served, once authenticated.
  package var platform: String?
  /// The bearer the caller authenticated with (a key or a token).
  package var bearer: String?
  /// Whether that bearer was an API key (not a token).
  package var usedAPIKey = false
  /// Closes the connection without a response.
  package let dropConnection: @Sendable () async -> Void

  package init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    let channel = source.channel
    dropConnection = { try? await channel.close() }
  }

  /// The authenticated organization; 401 when the request was not authenticated.
  package func requireOrganization() throws -> Organization {
    guard let organization else {
      throw LocalAPIError.unauthorized("missing API key: send 'Authorization: Bearer KEY'")
    }
    return organization
  }
}
