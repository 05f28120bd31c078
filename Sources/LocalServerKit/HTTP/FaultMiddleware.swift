import Hummingbird

/// Adds latency and injects faults into platform API requests, as the injector decides, and
/// counts every fault it injects.
package struct FaultMiddleware: RouterMiddleware {
  package typealias Context = LocalRequestContext

  /// The seeded decision source.
  package let injector: FaultInjector
  /// Where each injected fault is counted.
  package let recorder: MetricsRecorder

  package func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let decision = injector.nextDecision()
    if decision.latencyMilliseconds > 0 {
      try await Task.sleep(for: .milliseconds(decision.latencyMilliseconds))
    }
    guard let fault = decision.fault else { return try await next(request, context) }
    recorder.recordFault(
      fault, route: "\(request.method) \(request.uri.path)",
      operation: request.headers[.hehoOperation])
    switch fault {
    case .tooManyRequests:
      throw LocalAPIError(
        status: .tooManyRequests,
        message: "too many requests (injected fault); retry after "
          + "\(decision.retryAfterSeconds) s", field: nil,
        headers: [.retryAfter: String(decision.retryAfterSeconds)])
    case .internalError:
      throw LocalAPIError.internalError("internal error (injected fault)")
    case .unavailable:
      throw LocalAPIError(
        status: .serviceUnavailable, message: "service unavailable (injected fault)")
    case .dropConnection:
      await context.dropConnection()
      throw ConnectionDropped()
    case .commitThenFail:
      _ = try? await next(request, context)
      if decision.dropAfterCommit {
        await context.dropConnection()
        throw ConnectionDropped()
      }
      throw LocalAPIError.internalError(
        "internal error after the request was handled (injected fault)")
    }
  }
}
