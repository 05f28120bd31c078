/// What an unset environment variable stands for in a throwaway sandbox
/// (`LoadOptions.sandboxPlaceholders`): a value that names the variable, long enough for any
/// secret field, and a warning saying so.
enum SandboxPlaceholder {
  /// The placeholder for the variable `name`.
  static func value(_ name: String) -> String { "sandbox-placeholder-for-\(name)" }

  /// The warning that `name` was not set and the placeholder stands in.
  static func warning(_ name: String, at location: SourceLocation?) -> Diagnostic {
    Diagnostic(
      .warning,
      "environment variable '\(name)' is not set; the sandbox uses a placeholder for it",
      at: location)
  }
}
