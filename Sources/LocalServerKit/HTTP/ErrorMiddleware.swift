import Hummingbird
import Logging

/// Turns every error into the JSON error body of the platform whose path was asked for; never
/// leaks SQL or stack traces.
struct ErrorMiddleware: RouterMiddleware {
  typealias Context = LocalRequestContext

  /// The platforms served, longest path prefix first.
  let modules: [any LocalPlatformModule]
  /// Every route served, for 405 answers.
  let routes: [LocalRoute]
  /// Where unexpected failures are logged (their type only: never values, keys or SQL).
  let logger = Logger(label: "heho.local")

  init(modules: [any LocalPlatformModule]) {
    self.modules = modules.sorted { $0.pathPrefix.count > $1.pathPrefix.count }
    routes = modules.flatMap(\.routes) + LocalRoute.extras
  }

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as ConnectionDropped {
      throw error
    } catch {
      return try respond(to: translate(error, request: request), path: request.uri.path)
    }
  }

  private func respond(to error: LocalAPIError, path: String) throws -> Response {
    let owner = modules.first { module in
      path == module.pathPrefix || path.hasPrefix(module.pathPrefix + "/")
    }
    guard let owner else { return try error.response() }
    return try owner.errorResponse(error)
  }

  private func translate(_ error: any Error, request: Request) -> LocalAPIError {
    if let error = error as? LocalAPIError { return error }
    guard let error = error as? HTTPError else {
      logger.error(
        "request failed",
        metadata: [
          "route": "\(request.method) \(request.uri.path)",
          "error.type": "\(type(of: error))",
        ])
      return .internalError("internal error; see the server log")
    }
    let path = request.uri.path
    if error.status == .notFound {
      let methods = routes.filter { $0.matches(path: path) }.map(\.method)
      if !methods.isEmpty {
        return LocalAPIError(
          status: .methodNotAllowed,
          message: "\(request.method) is not allowed on \(path); use "
            + methods.joined(separator: " or "),
          field: nil, headers: [.allow: methods.joined(separator: ", ")])
      }
      return .notFound("no route \(request.method) \(path)")
    }
    return LocalAPIError(status: error.status, message: error.body ?? error.status.reasonPhrase)
  }
}
