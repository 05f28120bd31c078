import Synchronization

/// A request to stop an apply gently: no new operation starts, those in flight finish, and
/// every step that never started is reported as not started.
///
/// The command line requests it on the first SIGINT or SIGTERM; anything may, from any thread.
public final class ApplyInterrupt: Sendable {
  private struct State {
    var requested = false
    var handlers: [@Sendable () -> Void] = []
  }

  private let state = Mutex(State())

  /// Creates an interrupt that has not been requested.
  public init() {}

  /// Requests the stop; the first request runs the handlers, later ones do nothing.
  public func request() {
    let handlers = state.withLock { state -> [@Sendable () -> Void] in
      guard !state.requested else { return [] }
      state.requested = true
      defer { state.handlers = [] }
      return state.handlers
    }
    for handler in handlers { handler() }
  }

  /// Whether a stop was requested.
  public var isRequested: Bool { state.withLock { $0.requested } }

  /// Runs `handler` when the stop is requested (at once if it already was).
  func onRequest(_ handler: @escaping @Sendable () -> Void) {
    let already = state.withLock { state -> Bool in
      if state.requested { return true }
      state.handlers.append(handler)
      return false
    }
    if already { handler() }
  }
}
