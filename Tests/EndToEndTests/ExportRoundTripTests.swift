import Foundation
import HehoManifest
import PlatformKit
import PlatformRegistry
import Testing

@Suite("heho export against HehoLocal", .serialized)
struct ExportRoundTripTests {
  /// Exports the world's account into `name` and checks that it validates and that `heho plan`
  /// on it shows no changes.
  static func exportAndPlan(
    _ world: DriftWorld, into name: String, _ extra: [String] = []
  ) async throws -> URL {
    let out = world.root.appendingPathComponent(name)
    let export = await world.run(
      ["export", "--out", out.path, "--endpoint", world.platform.baseURL] + extra)
    try #require(export.code == 0, "export failed: \(export.err)")
    let loaded = ManifestLoader(registry: PlatformRegistry.standard.kindRegistry).load(
      LoadOptions(path: out.path))
    #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.description))")
    let plan = await world.heho("plan", out, ["--detailed-exitcode"])
    #expect(plan.code == 0, "plan on the export is not empty:\n\(plan.out)\n\(plan.err)")
    #expect(plan.out.contains("No changes."))
    let drift = await world.heho("drift", out)
    #expect(drift.code == 0, "\(drift.out)")
    return out
  }

  static func files(under directory: URL) throws -> [String: String] {
    var result: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
    let prefix = directory.standardizedFileURL.path + "/"
    while let url = enumerator?.nextObject() as? URL {
      var isDirectory: ObjCBool = false
      let path = url.standardizedFileURL.path
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { continue }
      result[String(path.dropFirst(prefix.count))] = try String(contentsOf: url, encoding: .utf8)
    }
    return result
  }

  @Test(arguments: [("support-desk", [String]()), ("multi-env", ["--env", "dev"])])
  func everyExampleRoundTrips(example: String, options: [String]) async throws {
    try await DriftWorld.with { world in
      let source = Repository.root.appendingPathComponent("examples/\(example)")
      let environment = ["HEHO_DEV_API_KEY": world.platform.apiKey]
      let apply = await world.run(
        ["apply", "-f", source.path, "--endpoint", world.platform.baseURL, "--auto-approve"]
          + options, extraEnvironment: environment)
      try #require(apply.code == 0, "\(apply.out)\n\(apply.err)")
      let out = try await Self.exportAndPlan(world, into: "export")
      let files = try Self.files(under: out)
      #expect(files["heho.yaml"]?.contains("apiKeyEnv: HEHO_API_KEY") == true)
      for (path, text) in files {
        #expect(!text.contains(world.platform.apiKey), "\(path) holds the API key")
      }
      #expect(files.keys.contains { $0.hasPrefix("prompts/") && $0.hasSuffix(".md") })
    }
  }

  @Test func supportDeskLayoutLeavesDefaultsOut() async throws {
    try await DriftWorld.with { world in
      let source = Repository.root.appendingPathComponent("examples/support-desk")
      #expect(await world.heho("apply", source, ["--auto-approve"]).code == 0)
      let out = try await Self.exportAndPlan(world, into: "export")
      let files = try Self.files(under: out)
      #expect(
        files.keys.sorted() == [
          "chatbots/faq-bot.yaml", "chatbots/orders-bot.yaml", "chatbots/support-bot.yaml",
          "heho.yaml", "permissions/faq-bot-faq.yaml", "permissions/orders-bot-orders.yaml",
          "permissions/support-bot-faq.yaml", "permissions/support-bot-products.yaml",
          "prompts/faq-bot.md", "prompts/orders-bot.md", "prompts/support-bot.md",
          "tables/faq.yaml", "tables/orders.yaml", "tables/products.yaml",
        ])
      let orders = try #require(files["chatbots/orders-bot.yaml"])
      #expect(orders.contains("descriptionFile: ../prompts/orders-bot.md\n"))
      #expect(!orders.contains("tone:"), "professional is the default")
      #expect(orders.contains("theme: forest"))
      let faq = try #require(files["chatbots/faq-bot.yaml"])
      #expect(!faq.contains("theme:"), "sky is the default")
      let products = try #require(files["tables/products.yaml"])
      #expect(products.contains("- { name: sku, type: character varying, notNull: true }"))
      #expect(products.contains("- { name: in_stock, type: boolean }"))
      let grant = try #require(files["permissions/orders-bot-orders.yaml"])
      #expect(grant.contains("read: true\n  write: true\n  edit: true"))
      let faqGrant = try #require(files["permissions/faq-bot-faq.yaml"])
      #expect(!faqGrant.contains("write:"))
    }
  }

  @Test func anAccountChangedThroughTheAPIRoundTrips() async throws {
    try await DriftWorld.with { world in
      try await world.api(
        "POST", "/api/v1/database/tables",
        [
          "tableName": "Leads_2026",
          "columns": [
            ["name": "id", "type": "serial", "primaryKey": true],
            ["name": "email", "type": "VARCHAR(120)", "notNull": true],
            ["name": "seen_at", "type": "timestamp with time zone"],
            ["name": "score", "type": "float8"], ["name": "opens", "type": "time"],
            ["name": "flag", "type": "char(1)"], ["name": "blob", "type": "bytea"],
          ],
        ])
      let long = (1...6).map { "Line \($0): qualify leads, ask: budget? # of seats? ${not.a.var}" }
        .joined(separator: "\n")
      try await world.api(
        "POST", "/api/v1/chatbots/manage",
        [
          "name": "Lead Qualifier: EU/US", "goal": "Sales: \"qualify\" #1",
          "description": long + String(repeating: " padding", count: 20),
          "model": "arcee-ai/trinity-large-preview:free", "tone": "strict", "theme": "candy",
          "data_table_1": "Leads_2026", "data_table_1_read": true, "data_table_1_edit": true,
        ])
      try await world.api(
        "POST", "/api/v1/chatbots/manage",
        [
          "name": "yes", "goal": "true",
          "description": "Short but valid: ${var.x} and $${y}. "
            + String(DriftManifests.description.prefix(210)),
          "model": "m", "data_table_1": "Leads_2026",
        ])
      for extra in [[String](), ["--per-kind"]] {
        let out = try await Self.exportAndPlan(world, into: "export\(extra.count)", extra)
        let files = try Self.files(under: out)
        if extra.isEmpty {
          #expect(files["permissions/lead-qualifier-eu-us-leads_2026.yaml"] != nil)
          #expect(files["prompts/lead-qualifier-eu-us.md"] != nil)
        } else {
          #expect(
            files.keys.sorted() == [
              "chatbots.yaml", "heho.yaml", "permissions.yaml", "prompts/lead-qualifier-eu-us.md",
              "tables.yaml",
            ])
        }
      }
    }
  }

  @Test func refusesANonEmptyDirectoryUnlessForced() async throws {
    try await DriftWorld.with { world in
      let out = try world.directory("busy", ["notes.txt": "keep me\n"])
      let refused = await world.run(
        ["export", "--out", out.path, "--endpoint", world.platform.baseURL])
      #expect(refused.code == 1)
      #expect(refused.err.contains("is not empty"))
      #expect(refused.err.contains("--force"))
      #expect(try Self.files(under: out) == ["notes.txt": "keep me\n"])
      let forced = await world.run(
        ["export", "--out", out.path, "--endpoint", world.platform.baseURL, "--force"])
      #expect(forced.code == 0, "\(forced.err)")
      #expect(try Self.files(under: out)["heho.yaml"] != nil)
      #expect(try Self.files(under: out)["notes.txt"] == "keep me\n")
    }
  }

  @Test func outputIsDeterministic() async throws {
    try await DriftWorld.with { world in
      let source = Repository.root.appendingPathComponent("examples/support-desk")
      #expect(await world.heho("apply", source, ["--auto-approve"]).code == 0)
      var exports: [[String: String]] = []
      for name in ["one", "two"] {
        let out = world.root.appendingPathComponent(name)
        let run = await world.run(
          ["export", "--out", out.path, "--endpoint", world.platform.baseURL, "--name", "acme"])
        #expect(run.code == 0)
        exports.append(try Self.files(under: out))
      }
      #expect(exports[0] == exports[1])
    }
  }
}
