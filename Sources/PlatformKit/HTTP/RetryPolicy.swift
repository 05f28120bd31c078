import Foundation

/// When and how long to wait before retrying: exponential backoff with jitter, capped, and
/// `Retry-After` honoured up to a cap. Sleep and randomness are injectable so tests run fast.
public struct RetryPolicy: Sendable {
  /// Attempts in all, the first included.
  public var maxAttempts: Int
  /// The first backoff delay.
  public var baseDelay: Duration
  /// The longest backoff delay.
  public var maxDelay: Duration
  /// The longest `Retry-After` honoured.
  public var retryAfterCap: Duration
  /// Waits; throws when cancelled.
  public var sleep: @Sendable (Duration) async throws -> Void
  /// A random number in `0..<1`, for jitter.
  public var random: @Sendable () -> Double

  /// Creates a policy.
  public init(
    maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(200),
    maxDelay: Duration = .seconds(5), retryAfterCap: Duration = .seconds(30),
    sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
    random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
  ) {
    self.maxAttempts = max(1, maxAttempts)
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.retryAfterCap = retryAfterCap
    self.sleep = sleep
    self.random = random
  }

  /// The delay before retry number `attempt` (1 for the first retry): the server's
  /// `Retry-After` seconds when given (capped), else backoff `base·2^(attempt-1)` capped at
  /// `maxDelay`, with "equal jitter" (half fixed, half random).
  public func delay(beforeRetry attempt: Int, retryAfter: String? = nil) -> Duration {
    if let retryAfter, let seconds = Double(retryAfter.trimmingCharacters(in: .whitespaces)),
      seconds >= 0
    {
      return min(.milliseconds(Int(seconds * 1000)), retryAfterCap)
    }
    let exponent = min(max(attempt - 1, 0), 30)
    let backoff = min(baseDelay * (1 << exponent), maxDelay)
    let half = backoff / 2
    return half + half * min(max(random(), 0), 1)
  }

}
