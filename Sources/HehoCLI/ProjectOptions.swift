import ArgumentParser
import HehoEngine
import HehoManifest

/// Options shared by commands that read manifests and reach a platform.
struct ProjectOptions: ParsableArguments {
  @Option(
    name: [.customShort("f"), .customLong("file")], help: "A manifest file or a directory of them.")
  var path: String = "."

  @Option(name: .long, help: "The environment from heho.yaml whose overrides apply.")
  var env: String?

  @Option(name: .customLong("var"), help: "Override a variable: NAME=VALUE (repeatable).")
  var variables: [String] = []

  @Flag(name: .long, help: "Use the embedded local platform (HehoLocal, .heho/local.sqlite).")
  var local = false

  @Option(
    name: .long,
    help: "Override an endpoint: PLATFORM=URL, or a URL for the first platform (repeatable).")
  var endpoint: [String] = []

  @Option(name: .long, help: "Plan only this resource (KIND/NAME) and what it needs; repeatable.")
  var target: [String] = []

  @Option(name: .long, help: "Leave this resource (KIND/NAME) and what needs it out; repeatable.")
  var exclude: [String] = []

  @Flag(name: .long, help: "Allow dropping or replacing tables (their rows are lost).")
  var allowDataLoss = false

  func validate() throws {
    for address in target + exclude where ResourceAddress(parsing: address) == nil {
      throw ValidationError(
        "'\(address)' is not a resource address; write KIND/NAME, e.g. table/products")
    }
    for variable in variables where !variable.contains("=") {
      throw ValidationError("--var '\(variable)' needs the form NAME=VALUE")
    }
  }

  /// `--var` overrides as a dictionary.
  var variableOverrides: [String: String] {
    var result: [String: String] = [:]
    for variable in variables {
      guard let equals = variable.firstIndex(of: "=") else { continue }
      result[String(variable[..<equals])] = String(variable[variable.index(after: equals)...])
    }
    return result
  }

  /// Guards and scope for the planner.
  var planOptions: PlanOptions {
    PlanOptions(
      allowDataLoss: allowDataLoss, targets: target.compactMap(ResourceAddress.init(parsing:)),
      excludes: exclude.compactMap(ResourceAddress.init(parsing:)))
  }
}

/// `--output` formats of a plan.
enum PlanOutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, markdown
}
