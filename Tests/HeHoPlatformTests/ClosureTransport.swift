import HehoPlatform

/// A transport backed by a closure, so a test answers requests in-process.
struct ClosureTransport: HTTPTransport {
  let handler: @Sendable (HTTPRequest) async throws -> HTTPResponse

  /// Creates a transport that answers with `handler`.
  init(_ handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) {
    self.handler = handler
  }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    try await handler(request)
  }
}

extension RetryPolicy {
  /// No waiting at all.
  static func immediate(maxAttempts: Int = 5) -> RetryPolicy {
    RetryPolicy(maxAttempts: maxAttempts, sleep: { _ in }, random: { 0 })
  }
}
