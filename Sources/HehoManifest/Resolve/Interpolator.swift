/// Substitutes `${var.NAME}` and `${env.NAME}` in manifest strings.
struct Interpolator: Sendable {
  /// Resolved project variables.
  var variables: [String: ResolvedText]
  /// The process environment.
  var environment: [String: String]
  /// Whether an unset `${env.NAME}` without a default becomes `SandboxPlaceholder.value(NAME)`
  /// (with a warning) instead of an error: a throwaway sandbox needs no real secret.
  var placeholders = false

  /// The interpolated text; problems are appended to `diagnostics`, positioned inside the
  /// string where it was written plain on one line.
  func interpolate(
    _ text: String, at location: SourceLocation, plain: Bool, diagnostics: inout [Diagnostic]
  ) -> ResolvedText {
    // Most strings have no reference at all: a byte scan settles that without parsing.
    guard text.utf8.contains(UInt8(ascii: "$")) else {
      return ResolvedText(value: text, environmentNames: [])
    }
    let template = Template(text)
    var resolved = ResolvedText(value: "", environmentNames: [])
    func at(_ offset: Int) -> SourceLocation {
      guard plain else { return location }
      var shifted = location
      shifted.column += offset
      return shifted
    }
    for segment in template.segments {
      switch segment {
      case .literal(let literal):
        resolved.value += literal
      case .variable(let name, let offset):
        if let variable = variables[name] {
          resolved.append(variable)
        } else {
          diagnostics.append(
            Diagnostic(
              .error,
              "undefined variable '\(name)' in ${var.\(name)}"
                + Suggestions.didYouMean(name, among: variables.keys.sorted())
                + Self.declareHint(variables), at: at(offset)))
        }
      case .environment(let name, let defaultValue, let offset):
        let appended = resolved.appendEnvironment(
          name, default: defaultValue, from: environment, placeholders: placeholders,
          at: at(offset), diagnostics: &diagnostics)
        if !appended {
          diagnostics.append(
            Diagnostic(
              .error,
              "environment variable '\(name)' is not set; set it, or give a default: "
                + "${env.\(name):-default}", at: at(offset)))
        }
      case .invalid(let message, let offset):
        diagnostics.append(Diagnostic(.error, message, at: at(offset)))
      }
    }
    return resolved
  }

  private static func declareHint(_ variables: [String: ResolvedText]) -> String {
    if variables.isEmpty {
      return " (declare variables in heho.yaml under spec.variables, or pass --var NAME=VALUE)"
    }
    return " (known: \(variables.keys.sorted().joined(separator: ", ")))"
  }
}
