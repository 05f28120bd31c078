import Foundation
import HTTPTypes
import Hummingbird

/// Authenticates a platform's caller and records the caller's organization.
///
/// A key is accepted as `Authorization: Bearer KEY`, or in the platform's own key header when it
/// has one. A key limited to other platforms (`heho local keys create --platform P`) is unknown
/// here.
struct AuthMiddleware: RouterMiddleware {
  typealias Context = LocalRequestContext

  /// The platform the routes belong to.
  let platform: String
  /// How callers present their key.
  let credentials: LocalCredentials
  /// The shared database holding the hashed keys.
  let store: PlatformStore

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let name = credentials.keyName
    var bearer: String?
    if let header = request.headers[.authorization] {
      let parts = header.split(separator: " ", maxSplits: 1)
      guard parts.count == 2, parts[0].lowercased() == "bearer" else {
        throw LocalAPIError.unauthorized("the Authorization header must be 'Bearer \(name)'")
      }
      bearer = parts[1].trimmingCharacters(in: .whitespaces)
    } else if let header = credentials.keyHeader, let field = HTTPField.Name(header),
      let value = request.headers[field]
    {
      bearer = value.trimmingCharacters(in: .whitespaces)
    }
    guard let bearer else {
      let header = credentials.keyHeader.map { " or '\($0): \(name)'" } ?? ""
      throw LocalAPIError.unauthorized(
        "missing API key: send the header 'Authorization: Bearer \(name)'\(header)")
    }
    var organization: Organization?
    var usedAPIKey = false
    if !bearer.isEmpty {
      organization = try await store.organization(forKey: bearer, platform: platform)
      usedAPIKey = organization != nil
      if organization == nil, let tokens = credentials.tokens {
        organization = try await tokens(bearer, request.uri.path)
      }
    }
    guard let organization else {
      throw LocalAPIError.unauthorized("unknown API key")
    }
    var context = context
    context.organization = organization
    context.platform = platform
    context.bearer = bearer
    context.usedAPIKey = usedAPIKey
    return try await next(request, context)
  }
}
