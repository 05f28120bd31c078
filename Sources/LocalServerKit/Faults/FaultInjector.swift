import Synchronization

/// What the fault injector decided for one request.
package struct FaultDecision: Sendable, Hashable {
  /// Latency to add before handling, in milliseconds.
  package var latencyMilliseconds: Int
  /// The fault to inject, if any.
  package var fault: FaultConfiguration.Kind?
  /// For `commitThenFail`: drop the connection (true) or answer 500 (false).
  package var dropAfterCommit: Bool
  /// `Retry-After` seconds for 429 responses.
  package var retryAfterSeconds: Int
}

/// Decides, request by request, whether to inject a fault; seeded and reproducible.
///
/// The generator and the configuration live under one mutex, so concurrent requests each get
/// one decision from the sequence, in arrival order.
package final class FaultInjector: Sendable {
  private struct State {
    var configuration: FaultConfiguration
    var generator: SplitMix64
  }

  private let state: Mutex<State>

  /// Creates an injector with a configuration.
  package init(_ configuration: FaultConfiguration) {
    state = Mutex(
      State(configuration: configuration, generator: SplitMix64(seed: configuration.seed)))
  }

  /// The current configuration.
  package var configuration: FaultConfiguration {
    state.withLock { $0.configuration }
  }

  /// Replaces the configuration and restarts the sequence from its seed.
  package func reconfigure(_ configuration: FaultConfiguration) {
    state.withLock {
      $0 = State(configuration: configuration, generator: SplitMix64(seed: configuration.seed))
    }
  }

  /// The decision for the next request.
  package func nextDecision() -> FaultDecision {
    state.withLock { state in
      let configuration = state.configuration
      var decision = FaultDecision(
        latencyMilliseconds: max(0, configuration.latencyMilliseconds), fault: nil,
        dropAfterCommit: false, retryAfterSeconds: max(0, configuration.retryAfterSeconds))
      let kinds = FaultConfiguration.Kind.allCases.filter { configuration.kinds.contains($0) }
      guard configuration.rate > 0, !kinds.isEmpty else { return decision }
      // Always draw the same number of values per request, so one request's outcome never
      // shifts the sequence of the next ones.
      let roll = state.generator.nextUnit()
      let pick = state.generator.next()
      let variant = state.generator.next()
      if roll < configuration.rate {
        decision.fault = kinds[Int(pick % UInt64(kinds.count))]
        decision.dropAfterCommit = variant & 1 == 1
      }
      return decision
    }
  }
}
