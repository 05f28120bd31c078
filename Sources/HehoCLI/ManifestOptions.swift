import ArgumentParser

/// Where the manifests are and how they resolve: shared by every command that loads them.
struct ManifestOptions: ParsableArguments {
  @Option(
    name: [.customShort("f"), .customLong("file")], help: "A manifest file or a directory of them.")
  var path: String = "."

  @Option(name: .long, help: "The environment from heho.yaml whose overrides apply.")
  var env: String?

  @Option(name: .customLong("var"), help: "Override a variable: NAME=VALUE (repeatable).")
  var variables: [String] = []

  func validate() throws {
    _ = try Self.parse(variables)
  }

  /// `--var` overrides, keyed by name; a later pair wins.
  var variableOverrides: [String: String] {
    (try? Self.parse(variables)) ?? [:]
  }

  /// `NAME=VALUE` pairs, keyed by name; a later pair wins. The one `--var` parser.
  ///
  /// - Throws: `ValidationError` for a pair without `=` or without a name.
  static func parse(_ pairs: [String]) throws -> [String: String] {
    var variables: [String: String] = [:]
    for pair in pairs {
      guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
        throw ValidationError(
          "--var '\(pair)' needs the form NAME=VALUE, with a name before the '='")
      }
      variables[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
    }
    return variables
  }
}
