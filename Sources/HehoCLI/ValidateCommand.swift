import ArgumentParser
import Foundation
import HehoManifest

/// `heho validate`: loads, validates and resolves manifests without touching the network.
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check manifests: YAML, schemas, variables and references. No network.")

  @OptionGroup var manifests: ManifestOptions

  @Option(name: .long, help: "Output format: text or json.")
  var output: ValidateOutput = .text

  /// `--output` of `heho validate`.
  enum ValidateOutput: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  func run() async throws {
    let options = LoadOptions(
      path: manifests.path, environment: manifests.env, variables: manifests.variableOverrides,
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
