import Hummingbird
import ServiceLifecycle

/// The local platform's HTTP server, run in a task of its own and stopped by a graceful
/// shutdown, never by cancelling that task.
///
/// SwiftNIO hands each accepted connection to the server's accept loop through a buffer, as a
/// channel whose writer must be finished before it is released. Cancelling the accept loop
/// drops the connections still in that buffer, and the process traps with "Deinited
/// NIOAsyncWriter without calling finish()" (apple/swift-nio#2637): `heho plan --local` did,
/// about one run in eight, when it stopped the server right after its cancelled live-state reads
/// had connected. A graceful shutdown closes the listening socket first, so the loop ends only
/// after taking (and serving) every connection already accepted; idle connections are closed
/// and the requests in progress answered before it returns.
struct LocalServer: Sendable {
  private let group: ServiceGroup
  private let task: Task<Void, Never>

  /// Starts running `application`; `onExit` is called once it stops, with the error it
  /// stopped on (`nil` after a graceful shutdown).
  init(
    _ application: some ApplicationProtocol,
    onExit: @escaping @Sendable ((any Error)?) -> Void
  ) {
    let group = ServiceGroup(
      configuration: .init(
        services: [application], gracefulShutdownSignals: [], logger: application.logger))
    self.group = group
    self.task = Task {
      do {
        try await group.run()
        onExit(nil)
      } catch {
        onExit(error)
      }
    }
  }

  /// Stops accepting connections, answers the requests in progress and returns once the
  /// server has stopped.
  func stop() async {
    await group.triggerGracefulShutdown()
    await task.value
  }
}
