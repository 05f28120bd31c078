import Foundation
import Hummingbird
import Synchronization

/// Per-organization rate limits for the platforms that document them: a token bucket per
/// organization holding one second's worth of requests, refilled continuously; beyond it, 429
/// with `Retry-After`.
package final class RateLimitMiddleware: RouterMiddleware {
  package typealias Context = LocalRequestContext

  /// Requests per second per organization; 0 turns the limit off.
  let perSecond: Int
  private let buckets = Mutex<[String: (tokens: Double, at: Double)]>([:])

  package init(perSecond: Int) {
    self.perSecond = perSecond
  }

  package func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard perSecond > 0, let organization = context.organization else {
      return try await next(request, context)
    }
    let rate = Double(perSecond)
    let now = Date().timeIntervalSince1970
    let allowed = buckets.withLock { buckets -> Bool in
      var bucket = buckets[organization.id] ?? (rate, now)
      bucket.tokens = min(rate, bucket.tokens + (now - bucket.at) * rate)
      bucket.at = now
      guard bucket.tokens >= 1 else {
        buckets[organization.id] = bucket
        return false
      }
      bucket.tokens -= 1
      buckets[organization.id] = bucket
      return true
    }
    guard allowed else {
      throw LocalAPIError(
        status: .tooManyRequests,
        message: "rate limit: at most \(perSecond) requests per second per organization; retry "
          + "after 1 s", field: nil, headers: [.retryAfter: "1"])
    }
    return try await next(request, context)
  }
}
