import PlatformKit

/// A transport backed by a closure, so a test answers requests in-process.
public struct ClosureTransport: HTTPTransport {
  let handler: @Sendable (HTTPRequest) async throws -> HTTPResponse

  /// Creates a transport that answers with `handler`.
  public init(_ handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) {
    self.handler = handler
  }

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    try await handler(request)
  }
}

extension RetryPolicy {
  /// No waiting at all.
  public static func immediate(maxAttempts: Int = 5) -> RetryPolicy {
    RetryPolicy(maxAttempts: maxAttempts, sleep: { _ in }, random: { 0 })
  }
}
