import Hummingbird
import Logging

/// Turns every error into the platform's JSON error body; never leaks SQL or stack traces.
struct ErrorMiddleware: RouterMiddleware {
  typealias Context = LocalRequestContext

  /// Where unexpected failures are logged (their type only: never values, keys or SQL).
  let logger = Logger(label: "heho.local")

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as LocalAPIError {
      return try error.response(from: request, context: context)
    } catch let error as ConnectionDropped {
      throw error
    } catch let error as HTTPError {
      return try translate(error, request: request).response(from: request, context: context)
    } catch {
      logger.error(
        "request failed",
        metadata: [
          "route": "\(request.method) \(request.uri.path)",
          "error.type": "\(type(of: error))",
        ])
      return try LocalAPIError.internalError("internal error; see the server log")
        .response(from: request, context: context)
    }
  }

  private func translate(_ error: HTTPError, request: Request) -> LocalAPIError {
    let path = request.uri.path
    if error.status == .notFound {
      let methods = LocalRoute.methods(forPath: path)
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
