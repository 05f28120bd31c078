/// What a platform request is for, when it belongs to a multi-request operation whose steps a
/// platform's log cannot tell apart by path alone (a migration's backup read and its verify read
/// are the same call).
///
/// The shared HTTP client sends it as the `Heho-Operation` header, so that the platform's
/// request log (and the local platform's metrics) can say which step a request, or a fault on
/// it, belonged to. It carries no secret: an address and a step name. It is a task-local value,
/// inherited by the child tasks of the step that sets it.
public enum PlatformOperation {
  /// The header the shared HTTP client sends the label in.
  public static let header = "Heho-Operation"

  /// The label of the requests made in the current task (`migrate table/items: backup`), or
  /// `nil` outside a labeled operation.
  @TaskLocal public static var current: String? = nil

  /// Runs `body` with its requests labeled `label`.
  public static func labeled<T: Sendable>(
    _ label: String, _ body: () async throws -> T
  ) async rethrows -> T {
    try await $current.withValue(label) { try await body() }
  }
}
