/// Faults the local platform injects into `/api/...` requests, for testing clients under failure.
///
/// Off by default. Decisions come from a seeded generator: the same seed and the same sequence
/// of requests give the same faults.
public struct FaultConfiguration: Sendable, Hashable {
  /// A kind of injected fault.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// 429 Too Many Requests with a `Retry-After` header.
    case tooManyRequests
    /// 500 Internal Server Error, before the handler runs.
    case internalError
    /// 503 Service Unavailable, before the handler runs.
    case unavailable
    /// The connection is closed without a response, before the handler runs.
    case dropConnection
    /// The handler runs and its writes commit; then the client gets a 500 or a dropped connection.
    case commitThenFail
  }

  /// Milliseconds added to every `/api` request (0 = none).
  public var latencyMilliseconds: Int
  /// Probability, from 0 to 1, that an `/api` request faults.
  public var rate: Double
  /// Seed of the fault generator.
  public var seed: UInt64
  /// The kinds to choose from when a request faults (default: all).
  public var kinds: Set<Kind>
  /// The `Retry-After` value, in seconds, sent with 429 responses (default 1).
  public var retryAfterSeconds: Int

  /// No latency and no faults.
  public static let none = FaultConfiguration()

  /// Creates a fault configuration.
  public init(
    latencyMilliseconds: Int = 0, rate: Double = 0, seed: UInt64 = 0,
    kinds: Set<Kind> = Set(Kind.allCases), retryAfterSeconds: Int = 1
  ) {
    self.latencyMilliseconds = latencyMilliseconds
    self.rate = rate
    self.seed = seed
    self.kinds = kinds
    self.retryAfterSeconds = retryAfterSeconds
  }

  /// Whether this configuration can change any response (latency or a non-zero fault rate).
  public var isActive: Bool {
    latencyMilliseconds > 0 || (rate > 0 && !kinds.isEmpty)
  }
}

extension FaultConfiguration.Kind {
  /// The short name used on the command line (`429`, `500`, `503`, `drop`, `commit-then-fail`).
  public var commandLineName: String {
    switch self {
    case .tooManyRequests: "429"
    case .internalError: "500"
    case .unavailable: "503"
    case .dropConnection: "drop"
    case .commitThenFail: "commit-then-fail"
    }
  }

  /// Parses a command-line name or a case name; `nil` when unknown.
  public init?(commandLineName name: String) {
    let match = Self.allCases.first {
      $0.commandLineName == name || $0.rawValue.lowercased() == name.lowercased()
    }
    guard let match else { return nil }
    self = match
  }
}
