import ArgumentParser
import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// `heho export`: writes manifests for everything in the live accounts, to adopt them.
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write manifests from the live platforms (adopt an existing account).",
    discussion: """
      The endpoints and key variables come from the project at -f (its heho.yaml), else from \
      the heho.yaml in the current directory, else the platforms' defaults; --endpoint \
      overrides them. The exported heho.yaml names the endpoints read from, so the result \
      passes `heho validate`, and `heho plan` on it shows no changes.
      """)

  @Option(
    name: [.customShort("f"), .customLong("file")],
    help: """
      A project whose heho.yaml says where the platforms are and which variables hold keys \
      (default: the current directory's, when it has one).
      """)
  var path: String?

  @Option(name: .long, help: "The directory to write (created when missing).")
  var out: String = "."

  @Option(
    name: .long, help: "Export only this platform (repeatable; default: every configured one).")
  var platform: [String] = []

  @Flag(name: .long, help: "Use the embedded local platform (HehoLocal, .heho/local.sqlite).")
  var local = false

  @Flag(name: .long, help: "One file per kind instead of one file per resource.")
  var perKind = false

  @Option(
    name: .long,
    help: "Also export this table's rows, as data/TABLE.csv and a TableData (repeatable).")
  var data: [String] = []

  @Flag(name: .long, help: "Overwrite files in a non-empty directory.")
  var force = false

  @Option(
    name: .long,
    help: "Override an endpoint: PLATFORM=URL, or a URL for the first platform (repeatable).")
  var endpoint: [String] = []

  @Option(name: .long, help: "The project's name in heho.yaml (default: the directory's name).")
  var name: String?

  func validate() throws {
    let registry = ActivePlatforms.registry
    for name in platform where registry.platform(named: name) == nil {
      throw ValidationError(
        "--platform \(name): no platform is named '\(name)'"
          + Suggestions.didYouMean(name, among: registry.names) + " (platforms: "
          + registry.names.joined(separator: ", ") + ")")
    }
    _ = try EndpointOverrides(endpoint, registry: registry)
  }

  func run() async throws {
    let console = ConsoleContext.current
    let registry = ActivePlatforms.registry
    let directory = URL(fileURLWithPath: out).standardizedFileURL
    let project = try projectSettings(registry)
    let platforms = try chosenPlatforms(registry, project: project)
    if !data.isEmpty { try ExportDataCheck.check(platforms, registry: registry) }
    let reader = ExportReader(
      local: local, layout: ExportLayout(perKind: perKind, data: Array(Set(data)).sorted()))
    let exported = try await reader.read(
      platforms, project: project, endpoints: EndpointOverrides(endpoint, registry: registry))
    var files = [
      PlatformExport.File(
        path: ProjectSchema.fileName,
        contents: "# Exported by heho export from the live platforms.\n"
          + ProjectFileText.text(
            project: name ?? directory.lastPathComponent,
            providers: exported.map { exported in
              let platform = exported.platform
              let settings = project.providers[platform.name]
              return ProjectFileText.Provider(
                name: platform.name,
                endpoint: exported.endpoint ?? settings?.endpoint ?? platform.defaultEndpoint,
                apiKeyEnv: settings?.apiKeyEnv ?? platform.defaultKeyVariable)
            }))
    ]
    var warnings: [String] = []
    var counts: [String] = []
    for export in exported.map(\.export) {
      files += export.files
      warnings += export.warnings
      counts += export.counts.map { "\($0.count) \($0.kind)\($0.count == 1 ? "" : "s")" }
    }
    let leftovers: [String]
    do {
      leftovers = try ExportWriter(force: force).write(files, to: directory)
    } catch let error as ExportWriteError {
      throw CommandFailure.report(error.message)
    }
    for warning in warnings + leftovers { console.err("warning: \(warning)") }
    console.err(
      "Exported \(counts.joined(separator: ", ")) to \(out) (\(files.count) files).")
    try await check(directory, registry: registry)
  }

  /// The project at `-f`, else the project in the current directory (the one `plan`, `apply`
  /// and `drift` read without `-f`), else the platforms' defaults. Only a directory with a
  /// heho.yaml counts as a project here: export is also run in an empty directory, to adopt
  /// an account.
  func projectSettings(_ registry: PlatformRegistry) throws -> ProjectSettings {
    let current = "."  // `-f`'s default in every other command (ManifestOptions)
    let projectHere = FileManager.default.fileExists(
      atPath: URL(fileURLWithPath: current).appendingPathComponent(ProjectSchema.fileName).path)
    guard let path = path ?? (projectHere ? current : nil) else {
      return ProjectSettings(name: "export", providers: registry.kindRegistry.providerDefaults)
    }
    let stage = ManifestLoader(registry: registry.kindRegistry).loadProject(
      LoadOptions(path: path, processEnvironment: ProcessEnvironment.current))
    let console = ConsoleContext.current
    for diagnostic in stage.projectDiagnostics { console.err(diagnostic.description) }
    guard let settings = stage.settings, !stage.hasErrors else {
      throw CommandFailure.report("the project file has errors; nothing was exported")
    }
    return settings
  }

  /// `--platform`, else the platforms the project file names, else every platform that can be
  /// read: with `--local` all of them, otherwise those whose key is set (the others are named in
  /// a note, and when none has a key, the error names every variable).
  func chosenPlatforms(_ registry: PlatformRegistry, project: ProjectSettings) throws
    -> [any PlatformDescriptor]
  {
    if !platform.isEmpty || !project.declaredProviders.isEmpty {
      let names = !platform.isEmpty ? Set(platform) : project.declaredProviders
      return registry.platforms.filter { names.contains($0.name) }
    }
    if local { return registry.platforms }
    let variable = { (platform: any PlatformDescriptor) in
      project.providers[platform.name]?.apiKeyEnv ?? platform.defaultKeyVariable
    }
    let environment = ProcessEnvironment.current
    let (ready, unset) = registry.platforms.reduce(
      into: ([any PlatformDescriptor](), [any PlatformDescriptor]())
    ) { split, platform in
      if (environment[variable(platform)] ?? "").isEmpty {
        split.1.append(platform)
      } else {
        split.0.append(platform)
      }
    }
    guard !ready.isEmpty else {
      throw CommandFailure.report(
        "no platform's API key is set: set "
          + registry.platforms.map { "\(variable($0)) (\($0.displayName))" }.joined(separator: ", ")
          + ", or name the platforms with --platform")
    }
    if !unset.isEmpty {
      ConsoleContext.current.err(
        "note: not exported: "
          + unset.map { "\($0.name) (\(variable($0)) is not set)" }.joined(separator: ", ")
          + "; --platform NAME exports a platform and requires its key")
    }
    return ready
  }

  /// Loads what was written, as `heho validate` would, and reports any problem.
  func check(_ directory: URL, registry: PlatformRegistry) async throws {
    let result = await ManifestLoader(registry: registry.kindRegistry).loadInBackground(
      LoadOptions(path: directory.path, processEnvironment: ProcessEnvironment.current))
    guard result.hasErrors else { return }
    let console = ConsoleContext.current
    for diagnostic in result.diagnostics { console.err(diagnostic.description) }
    throw CommandFailure.report(
      "the exported manifests do not validate; fix the lines above before planning")
  }
}
