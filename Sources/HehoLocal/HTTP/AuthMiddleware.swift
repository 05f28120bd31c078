import Hummingbird

/// Authenticates `Authorization: Bearer KEY` and records the caller's organization.
struct AuthMiddleware: RouterMiddleware {
  typealias Context = LocalRequestContext

  /// The platform database holding the hashed keys.
  let platform: PlatformStore

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let header = request.headers[.authorization] else {
      throw LocalAPIError.unauthorized(
        "missing API key: send the header 'Authorization: Bearer YOUR_HEHO_API_KEY'")
    }
    let parts = header.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else {
      throw LocalAPIError.unauthorized(
        "the Authorization header must be 'Bearer YOUR_HEHO_API_KEY'")
    }
    let key = parts[1].trimmingCharacters(in: .whitespaces)
    guard !key.isEmpty, let organization = try await platform.organization(forKey: key) else {
      throw LocalAPIError.unauthorized("unknown API key")
    }
    var context = context
    context.organization = organization
    return try await next(request, context)
  }
}
