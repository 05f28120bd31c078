import Foundation
import HeHoProvider
import HehoCLI
@_spi(Testing) import LocalServerKit
import PlatformKit
import Testing

/// A second platform, defined only in the tests and registered beside HeHo, goes through every
/// command with HeHo in one project: the plugin seam needs no change to the manifest layer, the
/// engine or the command line.
@Suite struct PluginSeamTests {
  static let toyKey = "toy_SECRET_key_0123456789"

  /// A HeHo platform (HehoLocal), a toy store, and the support-desk example with two widgets.
  struct World {
    let harness: Harness
    let store = ToyStore()
    var registry: PlatformRegistry {
      PlatformRegistry([HeHoDescriptor(), ToyDescriptor(store: store)])
    }

    static func start() async throws -> World {
      let world = World(harness: try await Harness.start())
      try world.harness.edit("heho.yaml") {
        $0.replacingOccurrences(
          of: "      apiKeyEnv: HEHO_API_KEY\n",
          with: """
                  apiKeyEnv: HEHO_API_KEY
                toy:
                  endpoint: https://toy.test/v1
                  apiKeyEnv: TOY_API_KEY
              environments:
                prod:
                  providers:
                    toy: { endpoint: "https://prod.toy.test/v1" }

            """)
      }
      try world.write("widgets.yaml", Self.widgets(color: "green"))
      return world
    }

    static func widgets(color: String) -> String {
      """
      apiVersion: toy/v1
      kind: Widget
      metadata:
        name: dial
      spec:
        color: \(color)
      ---
      apiVersion: toy/v1
      kind: Widget
      metadata:
        name: knob
      spec:
        color: blue
        enabled: false

      """
    }

    func write(_ file: String, _ text: String) throws {
      try text.write(
        to: harness.directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    /// Runs `heho ARGS` with both platforms registered and both keys set (unless dropped).
    func run(
      _ arguments: [String], project: Bool = true, dropping: String? = nil
    ) async -> RunResult {
      var environment = harness.environment
      environment["TOY_API_KEY"] = PluginSeamTests.toyKey
      if let dropping { environment[dropping] = nil }
      var arguments = arguments
      if project {
        arguments += [
          "-f", harness.directory.path, "--endpoint", harness.platform.baseURL,
        ]
      }
      let command = arguments
      let env = environment
      return await ActivePlatforms.$registry.withValue(registry) {
        await Harness.runCommand(command, environment: env)
      }
    }
  }

  @Test func oneProjectOnTwoPlatformsValidatesPlansAppliesDriftsAndExports() async throws {
    let world = try await World.start()
    let validate = await world.run(
      ["validate", "-f", world.harness.directory.path], project: false)
    #expect(validate.code == 0, "\(validate.all)")

    let plan = await world.run(["plan", "--output", "json"])
    #expect(plan.code == 0, "\(plan.all)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(plan.out.utf8)) as? [String: Any])
    let platforms = (object["platforms"] as? [[String: Any]] ?? []).compactMap {
      $0["name"] as? String
    }
    #expect(platforms == ["heho", "toy"])
    let operations = object["operations"] as? [[String: Any]] ?? []
    let byPlatform = Dictionary(grouping: operations) { $0["platform"] as? String ?? "" }
    #expect(byPlatform["toy"]?.count == 2)
    #expect(byPlatform["heho"]?.count == 6)

    let reportFile = world.harness.directory.appendingPathComponent("apply-report.json")
    let apply = await world.run(["apply", "--auto-approve", "--report-file", reportFile.path])
    #expect(apply.code == 0, "\(apply.all)")
    #expect(apply.out.contains("Apply complete: 8 created"), "\(apply.out)")
    let applied = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: reportFile)) as? [String: Any])
    let shares = (applied["platforms"] as? [[String: Any]] ?? []).map {
      ($0["name"] as? String ?? "", ($0["counts"] as? [String: Any])?["created"] as? Int ?? -1)
    }
    #expect(shares.map(\.0) == ["heho", "toy"])
    #expect(shares.map(\.1) == [6, 2])
    #expect(apply.out.contains("  heho: 6 created, 0 replaced, 0 deleted, 0 failed, 0 skipped"))
    #expect(apply.out.contains("  toy: 2 created, 0 replaced, 0 deleted, 0 failed, 0 skipped"))
    #expect(world.store.widgets(key: Self.toyKey)["knob"]?.enabled == false)
    #expect(await world.run(["plan", "--detailed-exitcode"]).code == 0)

    // A change by hand on the toy platform is drift, reported under its platform; a change in
    // the manifest updates it in place.
    _ = world.store.put("dial", color: "red", enabled: true, key: Self.toyKey, id: "w-1")
    let drift = await world.run(["drift", "--output", "json"])
    #expect(drift.code == 2, "\(drift.all)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(drift.out.utf8)) as? [String: Any])
    let modified = report["modified"] as? [[String: Any]] ?? []
    #expect(modified.map { $0["address"] as? String } == ["widget/dial"])
    #expect(modified.first?["platform"] as? String == "toy")
    try world.write("widgets.yaml", World.widgets(color: "blue"))
    let update = await world.run(["apply", "--auto-approve"])
    #expect(update.code == 0, "\(update.all)")
    #expect(update.out.contains("~ widget/dial"), "\(update.out)")
    #expect(world.store.widgets(key: Self.toyKey)["dial"]?.color == "blue")

    // Export reads both platforms through the project's settings; the result plans empty.
    let out = world.harness.directory.appendingPathComponent("adopted")
    let export = await world.run(
      [
        "export", "-f", world.harness.directory.path, "--out", out.path, "--endpoint",
        "heho=\(world.harness.platform.baseURL)",
      ], project: false)
    #expect(export.code == 0, "\(export.all)")
    let project = try String(contentsOf: out.appendingPathComponent("heho.yaml"), encoding: .utf8)
    #expect(project.contains("toy:") && project.contains("TOY_API_KEY"))
    #expect(
      FileManager.default.fileExists(atPath: out.appendingPathComponent("widgets/knob.yaml").path))
    let replan = await world.run(
      [
        "plan", "--detailed-exitcode", "-f", out.path, "--endpoint",
        "heho=\(world.harness.platform.baseURL)",
      ], project: false)
    #expect(replan.code == 0, "\(replan.all)")
    for run in [plan, apply, drift, update, export, replan] {
      #expect(!run.all.contains(Self.toyKey))
    }
    await world.harness.stop()
  }

  @Test func everyPlatformsKeyIsRedactedFromWhatAnyPlatformSays() async throws {
    let world = try await World.start()
    try world.write(
      "leaky.yaml",
      "apiVersion: toy/v1\nkind: Widget\nmetadata:\n  name: leaky\nspec:\n  color: red\n")
    let reportFile = world.harness.directory.appendingPathComponent("apply-report.json")
    let apply = await world.run(["apply", "--auto-approve", "--report-file", reportFile.path])
    #expect(apply.code == 1)
    #expect(apply.out.contains("toy refused it; it saw [redacted] and [redacted]"), "\(apply.out)")
    #expect(!apply.all.contains(world.harness.platform.apiKey))
    #expect(!apply.all.contains(Self.toyKey))
    // The report file names the failure under its platform, with every key redacted.
    let text = try String(contentsOf: reportFile, encoding: .utf8)
    #expect(!text.contains(world.harness.platform.apiKey) && !text.contains(Self.toyKey))
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(report["status"] as? String == "failed")
    let failed = (report["steps"] as? [[String: Any]] ?? []).filter {
      $0["status"] as? String == "failed"
    }
    #expect(failed.map { $0["platform"] as? String } == ["toy"])
    #expect((failed.first?["message"] as? String)?.contains("[redacted]") == true)
    let toy = (report["platforms"] as? [[String: Any]] ?? []).first {
      $0["name"] as? String == "toy"
    }
    #expect((toy?["counts"] as? [String: Any])?["failed"] as? Int == 1)
    await world.harness.stop()
  }

  @Test func aPlatformNoManifestUsesIsNeverContactedAndNeedsNoKey() async throws {
    let world = try await World.start()
    try FileManager.default.removeItem(
      at: world.harness.directory.appendingPathComponent("widgets.yaml"))
    let plan = await world.run(["plan", "--output", "json"], dropping: "TOY_API_KEY")
    #expect(plan.code == 0, "\(plan.all)")
    #expect(plan.out.contains("\"name\" : \"heho\"") && !plan.out.contains("\"name\" : \"toy\""))
    #expect(world.store.log.withLock { $0.isEmpty })
    await world.harness.stop()
  }

  @Test func aMissingKeyForAPlatformInUseNamesItsVariable() async throws {
    let world = try await World.start()
    let plan = await world.run(["plan"], dropping: "TOY_API_KEY")
    #expect(plan.code == 1)
    #expect(
      plan.err.contains("the Toy API key is missing: set the environment variable TOY_API_KEY"))
    #expect(plan.err.contains("providers.toy.apiKeyEnv"))
    // Nothing is written. (The other platforms' live reads may have begun while the manifests
    // loaded, before the missing key was known to matter; they only read.)
    let routes = await world.harness.platform.metrics().routes
    #expect(routes.keys.allSatisfy { $0.hasPrefix("GET ") }, "\(routes)")
    await world.harness.stop()
  }

  @Test func eachPlatformsEndpointComesFromTheEnvironmentOrTheCommandLine() async throws {
    let world = try await World.start()
    let prod = await world.run(["plan", "--output", "json", "--env", "prod"])
    #expect(prod.code == 0, "\(prod.all)")
    #expect(prod.out.contains("\"endpoint\" : \"https://prod.toy.test/v1\""), "\(prod.out)")
    let override = await world.run(
      ["plan", "--output", "json", "--endpoint", "toy=https://other.toy.test/"])
    #expect(override.out.contains("\"endpoint\" : \"https://other.toy.test/\""))
    let unknown = await world.run(["plan", "--endpoint", "tot=https://x.test/"])
    #expect(unknown.code != 0)
    #expect(
      unknown.err.contains("no platform is named 'tot'; did you mean 'toy'?"), "\(unknown.err)")
    await world.harness.stop()
  }

  @Test func anUnknownProviderOrAPIVersionIsAPositionedErrorNamingTheKnownOnes() async throws {
    let world = try await World.start()
    try world.harness.edit("heho.yaml") {
      $0.replacingOccurrences(
        of: "    toy:\n      endpoint: https://toy.test",
        with: "    toys:\n      endpoint: https://toy.test")
    }
    try world.write(
      "widgets.yaml",
      "apiVersion: toy/v2\nkind: Widget\nmetadata:\n  name: dial\nspec:\n  color: red\n")
    let validate = await world.run(
      ["validate", "-f", world.harness.directory.path], project: false)
    #expect(validate.code == 1)
    #expect(validate.all.contains("heho.yaml:11:5"), "\(validate.all)")
    #expect(validate.all.contains("'toys'"), "\(validate.all)")
    #expect(validate.all.contains("widgets.yaml:1:13"), "\(validate.all)")
    #expect(validate.all.contains("expected one of toy/v1"), "\(validate.all)")
    await world.harness.stop()
  }
}
