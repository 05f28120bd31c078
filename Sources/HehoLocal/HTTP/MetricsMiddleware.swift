import Hummingbird

/// Counts each platform API request under `METHOD /path`.
struct MetricsMiddleware: RouterMiddleware {
  typealias Context = LocalRequestContext

  /// Where counts go.
  let recorder: MetricsRecorder

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    recorder.record("\(request.method) \(request.uri.path)")
    return try await next(request, context)
  }
}
