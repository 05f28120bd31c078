import ArgumentParser
import Foundation
import HehoManifest

/// `heho validate`: loads, validates and resolves manifests without touching the network.
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check manifests: YAML, schemas, variables and references. No network.")

  @Option(name: .shortAndLong, help: "A manifest file or a directory of manifests.")
  var file: String = "."

  @Option(name: .long, help: "The environment whose overrides apply (from heho.yaml).")
  var env: String?

  @Option(name: .customLong("var"), help: "Set a variable: NAME=VALUE (repeatable).")
  var variables: [String] = []

  @Option(name: .long, help: "Output format: text or json.")
  var output: ValidateOutput = .text

  func run() async throws {
    let options = LoadOptions(
      path: file, environment: env, variables: try ValidateOptions.parseVariables(variables),
      processEnvironment: ProcessEnvironment.current)
    let result = await ManifestLoader(registry: ActivePlatforms.registry.kindRegistry)
      .loadInBackground(options)
    let report = ValidationReport(result)
    let console = ConsoleContext.current
    switch output {
    case .text: report.textLines.forEach { console.out($0) }
    case .json: console.out(report.json)
    }
    if result.hasErrors { throw ExitCode(1) }
  }
}
