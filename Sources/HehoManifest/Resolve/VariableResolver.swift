/// Resolves the project's variables: environment overrides, `--var` overrides, references to
/// other variables and to the process environment, with cycles reported.
struct VariableResolver {
  /// A variable's text as written and where.
  struct Definition: Sendable {
    var text: String
    var location: SourceLocation?
    /// `--var` values are taken literally.
    var literal: Bool
  }

  var definitions: [String: Definition]
  var environment: [String: String]
  /// Whether an unset environment variable becomes a sandbox placeholder (`Interpolator`).
  var placeholders = false

  private var resolved: [String: ResolvedText] = [:]
  private var failed: Set<String> = []
  private(set) var diagnostics: [Diagnostic] = []

  init(definitions: [String: Definition], environment: [String: String]) {
    self.definitions = definitions
    self.environment = environment
  }

  /// Every variable, resolved (failed ones are left out, with diagnostics).
  mutating func resolveAll() -> [String: ResolvedText] {
    for name in definitions.keys.sorted() { _ = resolve(name, stack: []) }
    return resolved
  }

  private mutating func resolve(_ name: String, stack: [String]) -> ResolvedText? {
    if let done = resolved[name] { return done }
    if failed.contains(name) { return nil }
    guard let definition = definitions[name] else { return nil }
    if stack.contains(name) {
      let cycle = (stack.drop { $0 != name } + [name]).joined(separator: " → ")
      diagnostics.append(
        Diagnostic(
          .error, "variable '\(name)' refers to itself: \(cycle); break the cycle",
          at: definition.location))
      failed.insert(name)
      return nil
    }
    if definition.literal {
      let text = ResolvedText(value: definition.text, environmentNames: [])
      resolved[name] = text
      return text
    }
    var text = ResolvedText(value: "", environmentNames: [])
    var ok = true
    for segment in Template(definition.text).segments {
      switch segment {
      case .literal(let literal):
        text.value += literal
      case .variable(let other, _):
        guard definitions[other] != nil else {
          diagnostics.append(
            Diagnostic(
              .error,
              "variable '\(name)' uses undefined variable '\(other)'"
                + Suggestions.didYouMean(other, among: definitions.keys.sorted()),
              at: definition.location))
          ok = false
          continue
        }
        if let resolvedOther = resolve(other, stack: stack + [name]) {
          text.append(resolvedOther)
        } else {
          ok = false
        }
      case .environment(let variable, let defaultValue, _):
        let appended = text.appendEnvironment(
          variable, default: defaultValue, from: environment, placeholders: placeholders,
          at: definition.location, diagnostics: &diagnostics)
        if !appended {
          diagnostics.append(
            Diagnostic(
              .error,
              "variable '\(name)' uses environment variable '\(variable)', which is not set; set "
                + "it, or give a default: ${env.\(variable):-default}", at: definition.location))
          ok = false
        }
      case .invalid(let message, _):
        diagnostics.append(Diagnostic(.error, message, at: definition.location))
        ok = false
      }
    }
    guard ok else {
      failed.insert(name)
      return nil
    }
    resolved[name] = text
    return text
  }
}
