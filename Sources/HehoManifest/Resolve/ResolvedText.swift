/// A string after interpolation, with the names of the environment variables whose values it
/// contains: such values are never echoed in messages.
struct ResolvedText: Sendable, Hashable {
  var value: String
  /// Each name once, in the order first used.
  var environmentNames: [String]

  /// How messages may show the value: quoted, or by where it came from when it holds an
  /// environment variable's value.
  var display: String {
    if environmentNames.isEmpty { return "'\(value)'" }
    return "the value from "
      + environmentNames.map { "${env.\($0)}" }.joined(separator: ", ")
  }

  /// Appends `other`'s value, and the environment variables it holds.
  mutating func append(_ other: ResolvedText) {
    value += other.value
    for name in other.environmentNames { noteEnvironment(name) }
  }

  /// Appends what `${env.NAME}` stands for, alike in manifest strings and in variables: the
  /// variable's value from `environment`, else the default written, else with `placeholders`
  /// (a throwaway sandbox) `SandboxPlaceholder.value(NAME)` and a warning at `location`.
  ///
  /// - Returns: `false` when none of these applies, and nothing was appended: the caller says
  ///   what is wrong, as only it knows where the reference was written.
  mutating func appendEnvironment(
    _ name: String, default defaultValue: String?, from environment: [String: String],
    placeholders: Bool, at location: SourceLocation?, diagnostics: inout [Diagnostic]
  ) -> Bool {
    if let set = environment[name] {
      value += set
      noteEnvironment(name)
    } else if let defaultValue {
      value += defaultValue
    } else if placeholders {
      value += SandboxPlaceholder.value(name)
      noteEnvironment(name)
      diagnostics.append(SandboxPlaceholder.warning(name, at: location))
    } else {
      return false
    }
    return true
  }

  private mutating func noteEnvironment(_ name: String) {
    if !environmentNames.contains(name) { environmentNames.append(name) }
  }
}
