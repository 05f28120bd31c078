/// How a run hides its secrets in the values it shows: a value is redacted whole before it is
/// shortened for display, since a secret cut short (`"wh/abc…"`) is no longer recognised in the
/// text it ends up in, yet still shows a part of it.
public enum ValueRedaction {
  /// The redaction of the current run (`nil`: nothing to hide).
  @TaskLocal public static var current: (@Sendable (String) -> String)?
}
