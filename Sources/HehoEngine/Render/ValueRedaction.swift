/// How a run hides its secrets in the values it shows: a value is redacted whole before it is
/// shortened for display, since a secret cut short (`"wh/abc…"`) is no longer recognised in the
/// text it ends up in, yet still shows a part of it.
public enum ValueRedaction {
  /// The redaction of the current run (`nil`: nothing to hide). Boxed in a struct: a task-local
  /// of an optional function type crashed release builds in `swift_task_localValuePush`.
  @TaskLocal public static var current: Redaction?

  /// A run's redaction of a text.
  public struct Redaction: Sendable {
    /// Hides the run's secrets in a text.
    public let redact: @Sendable (String) -> String

    /// Wraps `redact`.
    public init(_ redact: @escaping @Sendable (String) -> String) {
      self.redact = redact
    }

    /// `text` with the run's secrets hidden.
    public func callAsFunction(_ text: String) -> String { redact(text) }
  }
}
