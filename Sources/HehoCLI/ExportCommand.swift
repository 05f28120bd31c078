import ArgumentParser
import Foundation
import HehoEngine
import HehoManifest
import HehoProviders

/// `heho export`: writes manifests for everything in the live account, to adopt it.
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write manifests from the live platform (adopt an existing account).",
    discussion: "The result passes `heho validate`, and `heho plan` on it shows no changes.")

  @Option(name: .long, help: "The directory to write (created when missing).")
  var out: String = "."

  @Flag(name: .long, help: "Use the embedded local platform (HehoLocal, .heho/local.sqlite).")
  var local = false

  @Flag(name: .long, help: "One file per kind instead of one file per resource.")
  var perKind = false

  @Flag(name: .long, help: "Overwrite files in a non-empty directory.")
  var force = false

  @Option(name: .long, help: "The platform endpoint (default https://heho.vercel.app).")
  var endpoint: String?

  @Option(name: .long, help: "The environment variable holding the API key.")
  var apiKeyEnv: String = ProjectSettings.defaultHehoProvider.apiKeyEnv

  @Option(name: .long, help: "The project's name in heho.yaml (default: the directory's name).")
  var name: String?

  func run() async throws {
    let console = ConsoleContext.current
    let directory = URL(fileURLWithPath: out).standardizedFileURL
    let options = HehoExportOptions(
      perKind: perKind, projectName: name ?? directory.lastPathComponent,
      endpoint: endpoint ?? ProjectSettings.defaultHehoProvider.endpoint, apiKeyEnv: apiKeyEnv)
    let export = try await fetch(options)
    let leftovers: [String]
    do {
      leftovers = try HehoExportWriter(force: force).write(export, to: directory)
    } catch let error as ProviderError {
      throw CommandFailure.report(error.message)
    }
    for warning in export.warnings + leftovers { console.err("warning: \(warning)") }
    let counts = ["table", "chatbot", "permission"].map { kind -> String in
      let count = export.counts[kind] ?? 0
      return "\(count) \(kind)\(count == 1 ? "" : "s")"
    }
    console.err(
      "Exported \(counts.joined(separator: ", ")) to \(out) (\(export.files.count) files).")
    try await check(directory)
  }

  /// Reads the live account and builds the files.
  func fetch(_ options: HehoExportOptions) async throws -> HehoExport {
    var embedded: EmbeddedPlatform?
    do {
      let configuration: HehoConfiguration
      if local {
        let platform = try await EmbeddedPlatform.start()
        embedded = platform
        configuration = HehoConfiguration(endpoint: platform.baseURL, apiKey: platform.apiKey)
      } else {
        let project = ProjectSettings(
          name: options.projectName,
          providers: [
            "heho": .init(endpoint: options.endpoint, apiKeyEnv: options.apiKeyEnv)
          ])
        configuration = try HehoConfiguration.resolve(
          project: project, environment: ProcessEnvironment.current)
      }
      let live = try await HehoProvider(configuration: configuration).fetchLiveState()
      await embedded?.shutdown()
      return HehoExporter(options: options).export(live)
    } catch let error as ProviderError {
      await embedded?.shutdown()
      throw CommandFailure.report(error.message)
    } catch {
      await embedded?.shutdown()
      throw error
    }
  }

  /// Loads what was written, as `heho validate` would, and reports any problem.
  func check(_ directory: URL) async throws {
    let result = await ManifestLoader().loadInBackground(
      LoadOptions(path: directory.path, processEnvironment: ProcessEnvironment.current))
    guard result.hasErrors else { return }
    let console = ConsoleContext.current
    for diagnostic in result.diagnostics { console.err(diagnostic.description) }
    throw CommandFailure.report(
      "the exported manifests do not validate; fix the lines above before planning")
  }
}
