import Hummingbird
import LocalServerKit

/// `POST /auth/token`, `POST /auth/refresh` and `DELETE /auth/revoke`.
struct AuthController: Sendable {
  let tokens: TokenStore

  struct Revoked: Encodable, Sendable {
    var revoked: Bool
  }

  /// Adds the routes to the `/v1` group.
  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.on(path(BotHeroRoutes.token), method: .post) { _, context in
      let organization = try context.requireOrganization()
      guard context.usedAPIKey else {
        throw LocalAPIError.unauthorized(
          "exchange an API key for tokens: send 'Authorization: Bearer YOUR_BOTHERO_API_KEY'")
      }
      return try JSONResponse.make(try await tokens.issue(organization: organization))
    }
    group.on(path(BotHeroRoutes.refresh), method: .post) { request, context in
      let organization = try context.requireOrganization()
      let holder = try await refreshHolder(request, context)
      guard holder.organization.id == organization.id else {
        throw LocalAPIError.unauthorized("the refresh token belongs to another organization")
      }
      try await tokens.revoke(session: holder.session)
      return try JSONResponse.make(try await tokens.issue(organization: holder.organization))
    }
    group.on(path(BotHeroRoutes.revoke), method: .delete) { request, context in
      let organization = try context.requireOrganization()
      let named = try await Self.optionalBody(request, context)["token"]
      var token = context.usedAPIKey ? nil : context.bearer
      if let named {
        guard case .string(let text) = named else {
          throw LocalAPIError.badRequest("token must be a string", field: "token")
        }
        token = text
      }
      guard let token else {
        throw LocalAPIError.badRequest(
          "give the token to revoke: {\"token\": \"...\"}, or authenticate with it", field: "token")
      }
      guard let holder = try await tokens.holder(of: token),
        holder.organization.id == organization.id
      else {
        throw LocalAPIError.notFound("no such token in this organization", field: "token")
      }
      try await tokens.revoke(session: holder.session)
      return try JSONResponse.make(Revoked(revoked: true))
    }
  }

  /// The refresh token: the bearer itself, or `refresh_token` in the body.
  private func refreshHolder(
    _ request: Request, _ context: LocalRequestContext
  ) async throws -> TokenStore.Holder {
    var token = context.bearer
    if let given = try await Self.optionalBody(request, context)["refresh_token"] {
      guard case .string(let text) = given else {
        throw LocalAPIError.badRequest("refresh_token must be a string", field: "refresh_token")
      }
      token = text
    }
    guard let token, let holder = try await tokens.holder(of: token), holder.kind == .refresh
    else {
      throw LocalAPIError.unauthorized(
        "send a refresh token: {\"refresh_token\": \"bh_rt_...\"} or as the bearer")
    }
    return holder
  }

  /// The body's members; none when the body is empty.
  static func optionalBody(
    _ request: Request, _ context: LocalRequestContext
  ) async throws -> [String: JSONValue] {
    guard let length = request.headers[.contentLength], length != "0" else { return [:] }
    return try await RequestBodyDecoder.object(from: request, context: context)
  }
}

/// The path of a BotHero route relative to the `/v1` group.
func path(_ route: LocalRoute) -> RouterPath {
  route.routerPath(under: BotHeroRoutes.prefix)
}
