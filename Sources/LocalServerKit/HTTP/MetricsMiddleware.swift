import Hummingbird

/// Counts each platform API request under `METHOD /path` and under its platform.
struct MetricsMiddleware: RouterMiddleware {
  typealias Context = LocalRequestContext

  /// Where counts go.
  let recorder: MetricsRecorder
  /// The platform of the routes counted.
  let platform: String

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    recorder.record(
      "\(request.method) \(request.uri.path)", platform: platform,
      operation: request.headers[.hehoOperation])
    return try await next(request, context)
  }
}
