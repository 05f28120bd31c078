import ArgumentParser
import Foundation
import HehoEngine
import HehoManifest

/// Options shared by commands that read manifests and reach the platforms.
struct ProjectOptions: ParsableArguments {
  @OptionGroup var manifests: ManifestOptions

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
  }

  /// The manifest path (`-f`).
  var path: String { manifests.path }
  /// The environment (`--env`).
  var env: String? { manifests.env }
  /// `--var` overrides.
  var variableOverrides: [String: String] { manifests.variableOverrides }

  /// Where migrations keep their backups and journals: `.heho/` in the project's directory
  /// (the manifest path, or the directory of a manifest file).
  var migrationStore: FileMigrationStore {
    var isDirectory: ObjCBool = false
    let url = URL(fileURLWithPath: path)
    let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
    return FileMigrationStore(
      root: exists && !isDirectory.boolValue ? url.deletingLastPathComponent() : url)
  }

  /// Guards and scope for the planner.
  var planOptions: PlanOptions {
    PlanOptions(
      allowDataLoss: allowDataLoss, targets: target.compactMap(ResourceAddress.init(parsing:)),
      excludes: exclude.compactMap(ResourceAddress.init(parsing:)))
  }
}
