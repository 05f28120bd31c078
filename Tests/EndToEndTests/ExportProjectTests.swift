import BotHeroProvider
import Foundation
import HehoTestSupport
@_spi(Testing) import LocalServerKit
import PlatformRegistry
import Testing

/// Where `heho export` reads from and what it writes for the way back: the project in the
/// current directory (as every other command), the endpoint it was given, and one file per
/// live resource even when two names give the same file name.
@Suite("heho export: project, endpoint and file names", .serialized)
struct ExportProjectTests {
  /// `heho export` without `-f`, run by the real binary inside a project directory whose
  /// heho.yaml points at the local platform and names its own key variable (no default
  /// variable is set), reads the account that project names.
  @Test func exportInsideAProjectReadsItsHehoYAML() async throws {
    try await DriftWorld.with { world in
      let source = Repository.root.appendingPathComponent("examples/support-desk")
      #expect(await world.heho("apply", source, ["--auto-approve"]).code == 0)
      let project = try world.directory(
        "project",
        [
          "heho.yaml": """
          apiVersion: heho/v1
          kind: Project
          metadata:
            name: adopted
          spec:
            providers:
              heho:
                endpoint: \(world.platform.baseURL)
                apiKeyEnv: ADOPTED_HEHO_KEY

          """
        ])
      var environment = ProcessInfo.processInfo.environment
      for variable in ["HEHO_API_KEY", "BOTHERO_API_KEY", "HEPPU_API_KEY"] {
        environment[variable] = nil
      }
      environment["ADOPTED_HEHO_KEY"] = world.platform.apiKey
      environment["NO_COLOR"] = "1"
      await world.platform.resetMetrics()
      let out = world.root.appendingPathComponent("export")
      let export = try await ChildProcess.run(
        [try HehoBinary.require(), "export", "--out", out.path], in: project,
        environment: environment)
      #expect(export.status == 0, "\(export.text)")
      #expect(!export.text.contains(world.platform.apiKey))
      // The account was read from the platform the project names.
      let reads = await world.platform.metrics().count("GET", "/api/v1/chatbots/manage")
      print("export inside a project: \(reads) chatbot list reads on the project's platform")
      #expect(reads >= 1)
      let files = try ExportRoundTripTests.files(under: out)
      #expect(files["chatbots/support-bot.yaml"] != nil, "\(files.keys.sorted())")
      let written = try #require(files["heho.yaml"])
      #expect(written.contains("endpoint: \(world.platform.baseURL)\n"), "\(written)")
      #expect(written.contains("apiKeyEnv: ADOPTED_HEHO_KEY\n"), "\(written)")
    }
  }

  /// An export from `--endpoint URL` writes URL into its heho.yaml, so `heho plan` on the
  /// export, without `--endpoint`, reaches the same platform and shows no changes.
  @Test func anExportFromAnEndpointPlansAgainstItWithoutBeingTold() async throws {
    try await DriftWorld.with { world in
      let source = Repository.root.appendingPathComponent("examples/support-desk")
      #expect(await world.heho("apply", source, ["--auto-approve"]).code == 0)
      let out = world.root.appendingPathComponent("export")
      let export = await world.run(
        ["export", "--out", out.path, "--endpoint", world.platform.baseURL])
      try #require(export.code == 0, "\(export.err)")
      let written = try #require(try ExportRoundTripTests.files(under: out)["heho.yaml"])
      #expect(written.contains("endpoint: \(world.platform.baseURL)\n"), "\(written)")
      await world.platform.resetMetrics()
      let plan = await world.run(["plan", "-f", out.path, "--detailed-exitcode"])
      #expect(plan.code == 0, "\(plan.out)\n\(plan.err)")
      #expect(plan.out.contains("No changes."), "\(plan.out)")
      let reads = await world.platform.metrics().count("GET", "/api/v1/chatbots/manage")
      print("plan on an export: \(reads) chatbot list reads on the exported-from platform")
      #expect(reads >= 1, "the plan did not read the platform the export came from")
    }
  }

  /// BotHero bots named `Support!` and `Support?` both slug to `support`: each gets a file of
  /// its own (`support.yaml`, `support-2.yaml`), and the export plans back to no changes.
  @Test func botsWhoseNamesGiveOneFileNameAreBothExported() async throws {
    try await DriftWorld.with { world in
      for name in ["Support!", "Support?"] {
        try await world.api("POST", "/v1/bots", ["name": name])
      }
      let bots = try await world.api("GET", "/v1/bots")["data"] as? [[String: Any]] ?? []
      try #require(bots.count == 2, "\(bots)")
      let endpoint =
        "bothero="
        + LocalEndpoints(.standard, baseURL: world.platform.baseURL).endpoint(BotHeroDescriptor())
      let out = world.root.appendingPathComponent("export")
      let environment = ["BOTHERO_API_KEY": world.platform.apiKey]
      let export = await world.run(
        ["export", "--out", out.path, "--platform", "bothero", "--endpoint", endpoint],
        extraEnvironment: environment)
      try #require(export.code == 0, "\(export.err)")
      let files = try ExportRoundTripTests.files(under: out)
      let botFiles = files.keys.filter { $0.hasPrefix("bothero/bots/") }.sorted()
      print("bots Support! and Support?: exported as \(botFiles)")
      #expect(botFiles == ["bothero/bots/support-2.yaml", "bothero/bots/support.yaml"])
      let texts = botFiles.compactMap { files[$0] }
      #expect(texts.filter { $0.contains("Support!") }.count == 1, "\(texts)")
      #expect(texts.filter { $0.contains("Support?") }.count == 1, "\(texts)")
      let plan = await world.run(
        ["plan", "-f", out.path, "--detailed-exitcode"], extraEnvironment: environment)
      #expect(plan.code == 0, "\(plan.out)\n\(plan.err)")
      #expect(plan.out.contains("No changes."), "\(plan.out)")
    }
  }

  /// `--local` in a directory whose `.heho/` kept an organization's file but lost the main
  /// file is refused with the error naming both, and creates nothing.
  @Test func localRefusesADatabaseFolderThatLostItsMainFile() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-lost-main-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let organizations = directory.appendingPathComponent(".heho/local.sqlite-orgs")
    try FileManager.default.createDirectory(at: organizations, withIntermediateDirectories: true)
    let organizationFile = organizations.appendingPathComponent("org-1.sqlite")
    try Data().write(to: organizationFile)
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    let export = try await ChildProcess.run(
      [try HehoBinary.require(), "export", "--local", "--out", "exported"], in: directory,
      environment: environment)
    #expect(export.status == 1, "\(export.text)")
    #expect(
      export.text.contains("the main database file .heho/local.sqlite is missing"),
      "\(export.text)")
    #expect(export.text.contains(".heho/local.sqlite-orgs/org-1.sqlite"), "\(export.text)")
    #expect(export.text.contains("Restore .heho/local.sqlite"), "\(export.text)")
    #expect(export.text.contains("remove .heho/local.sqlite-orgs to start empty"))
    let main = directory.appendingPathComponent(".heho/local.sqlite").path
    #expect(!FileManager.default.fileExists(atPath: main), "the refused start created it")
  }
}
