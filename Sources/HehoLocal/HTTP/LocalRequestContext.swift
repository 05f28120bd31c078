import Hummingbird

/// The request context of the local platform: the caller's organization, and a way to drop the
/// connection (fault injection).
struct LocalRequestContext: RequestContext {
  var coreContext: CoreRequestContextStorage
  /// The organization of the caller's API key, once authenticated.
  var organization: Organization?
  /// Closes the connection without a response.
  let dropConnection: @Sendable () async -> Void

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    let channel = source.channel
    dropConnection = { try? await channel.close() }
  }

  /// The authenticated organization; 401 when the request was not authenticated.
  func requireOrganization() throws -> Organization {
    guard let organization else {
      throw LocalAPIError.unauthorized("missing API key: send 'Authorization: Bearer KEY'")
    }
    return organization
  }
}
