import BotHeroProvider
import Foundation
import HehoTestSupport
@_spi(Testing) import LocalServerKit
import Testing

/// BotHero bots and webhooks through the real commands, against HehoLocal's BotHero.
@Suite struct BotHeroEndToEndTests {
  static let secret = "first-signing-secret"

  /// The example project, applied against a fresh platform, with its webhook secret set.
  struct World {
    let harness: Harness
    var secret = BotHeroEndToEndTests.secret

    static func start(uniqueNames: Bool = false) async throws -> World {
      World(
        harness: try await Harness.start(example: "bothero-support", uniqueNames: uniqueNames))
    }

    var endpoint: String { harness.endpoints.endpoint(BotHeroDescriptor()) }

    func run(_ arguments: [String]) async -> RunResult {
      var environment = harness.environment
      environment["CRM_WEBHOOK_SECRET"] = secret
      let result = await Harness.runCommand(
        arguments + ["-f", harness.directory.path, "--endpoint", "bothero=\(endpoint)"],
        environment: environment)
      harness.transcript.out(result.out)
      harness.transcript.err(result.err)
      return result
    }

    func api(_ method: String, _ path: String, body: [String: Any]? = nil) async throws
      -> [String: Any]
    {
      try await harness.api(method, "/v1" + path, body: body)
    }

    func list(_ collection: String) async throws -> [[String: Any]] {
      try await api("GET", "/" + collection)["data"] as? [[String: Any]] ?? []
    }
  }

  @Test func appliesPlansEmptyAndUpdatesInPlaceSendingOnlyWhatChanged() async throws {
    var world = try await World.start()
    let apply = await world.run(["apply", "--auto-approve"])
    #expect(apply.code == 0, "\(apply.all)")
    #expect(apply.out.contains("Apply complete: 4 created"), "\(apply.out)")
    let bots = try await world.list("bots")
    #expect(bots.map { $0["name"] as? String } == ["support"])
    let botID = try #require(bots.first?["id"] as? String)
    #expect(bots.first?["temperature"] as? Double == 0.3)
    #expect((bots.first?["instructions"] as? String)?.hasPrefix("You are the support") == true)
    let hooks = try await world.list("webhooks")
    #expect(hooks.first?["bot_id"] as? String == botID)
    let hookID = try #require(hooks.first?["id"] as? String)
    #expect(await world.run(["plan", "--detailed-exitcode"]).code == 0)

    // `heho output` gives the IDs the platform assigned, read live.
    let output = await world.run(["output", "--output", "json"])
    #expect(output.code == 0, "\(output.all)")
    let outputs = try #require(
      try JSONSerialization.jsonObject(with: Data(output.out.utf8)) as? [String: Any])
    var ids: [String: String] = [:]
    for entry in outputs["outputs"] as? [[String: Any]] ?? [] {
      let address = entry["address"] as? [String: Any]
      ids["\(address?["kind"] as? String ?? "")/\(address?["name"] as? String ?? "")"] =
        entry["id"] as? String
      #expect(entry["platform"] as? String == "bothero")
    }
    #expect(ids["bot/support"] == botID)
    #expect(ids["webhook/crm-sync"] == hookID)
    let documentIDs = try await world.list("knowledge/documents").compactMap { $0["id"] as? String }
    #expect(Set(ids.filter { $0.key.hasPrefix("knowledgedocument/") }.values) == Set(documentIDs))

    // A field change is a PATCH of that field only; the ID stays.
    try world.harness.edit("bots.yaml") {
      $0.replacingOccurrences(of: "temperature: 0.3", with: "temperature: 0.5")
    }
    let plan = await world.run(["plan", "--output", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(plan.out.utf8)) as? [String: Any])
    let operations = object["operations"] as? [[String: Any]] ?? []
    let update = try #require(
      operations.first { ($0["address"] as? [String: Any])?["name"] as? String == "support" })
    #expect(update["action"] as? String == "update")
    #expect(
      (update["changes"] as? [[String: Any]])?.map { $0["field"] as? String } == ["temperature"])
    await world.harness.platform.resetMetrics()
    let updated = await world.run(["apply", "--auto-approve"])
    #expect(updated.code == 0, "\(updated.all)")
    let metrics = await world.harness.platform.metrics()
    #expect(metrics.routes["PATCH /v1/bots/\(botID)"] == 1, "\(metrics.routes)")
    #expect(metrics.routes.keys.filter { $0.hasPrefix("POST ") || $0.hasPrefix("DELETE ") }.isEmpty)
    let after = try await world.list("bots")
    #expect(after.first?["id"] as? String == botID)
    #expect(after.first?["temperature"] as? Double == 0.5)
    #expect(try await world.list("webhooks").first?["id"] as? String == hookID)

    // A rotated secret is a write-only change: detected, applied, never shown.
    world.secret = "second-signing-secret"
    let rotated = await world.run(["plan"])
    #expect(rotated.out.contains("(changed, write-only)"), "\(rotated.out)")
    let rotate = await world.run(["apply", "--auto-approve"])
    #expect(rotate.code == 0, "\(rotate.all)")
    #expect(await world.run(["plan", "--detailed-exitcode"]).code == 0)
    let hint = try await world.list("webhooks").first?["secret_hint"] as? String ?? ""
    #expect(!hint.isEmpty)
    let (out, err) = world.harness.transcript.captured
    for secret in [Self.secret, "second-signing-secret"] {
      #expect(!out.contains(secret) && !err.contains(secret), "a secret was printed")
    }
    await world.harness.stop()
  }

  @Test func aSecretChangedByHandIsDriftAndAPlanFileHoldsNoSecret() async throws {
    let world = try await World.start()
    #expect(await world.run(["apply", "--auto-approve"]).code == 0)
    let hookID = try #require(try await world.list("webhooks").first?["id"] as? String)
    try await world.api("PATCH", "/webhooks/\(hookID)", body: ["secret": "changed-by-hand-1"])
    let drift = await world.run(["drift"])
    #expect(drift.code == 2, "\(drift.all)")
    #expect(drift.out.contains("webhook/crm-sync"), "\(drift.out)")

    let planFile = world.harness.directory.appendingPathComponent("saved.plan.json")
    #expect(await world.run(["plan", "--out", planFile.path]).code == 0)
    let saved = try String(contentsOf: planFile, encoding: .utf8)
    #expect(!saved.contains(Self.secret))
    #expect(saved.contains("(changed, write-only)"))
    let applied = await world.run(["apply", planFile.path, "--auto-approve"])
    #expect(applied.code == 0, "\(applied.all)")
    #expect(await world.run(["plan", "--detailed-exitcode"]).code == 0)
    await world.harness.stop()
  }

  @Test func aLiteralSecretIsAPositionedErrorThatDoesNotShowIt() async throws {
    let world = try await World.start()
    try world.harness.edit("webhooks.yaml") {
      $0.replacingOccurrences(of: "${env.CRM_WEBHOOK_SECRET}", with: "literal-secret-123")
    }
    let validate = await world.harness.run(
      ["validate", "-f", world.harness.directory.path], project: false)
    #expect(validate.code == 1)
    #expect(validate.all.contains("webhooks.yaml:10:"), "\(validate.all)")
    #expect(validate.all.contains("secrets never go in manifests"))
    #expect(!validate.all.contains("literal-secret-123"))
    await world.harness.stop()
  }

  @Test func deletingTheBotDeletesItsWebhookAndExportRoundTrips() async throws {
    let world = try await World.start()
    #expect(await world.run(["apply", "--auto-approve"]).code == 0)
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-bothero-export-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    var environment = world.harness.environment
    environment["CRM_WEBHOOK_SECRET"] = Self.secret
    let export = await Harness.runCommand(
      [
        "export", "--out", out.path, "--platform", "bothero", "--endpoint",
        "bothero=\(world.endpoint)",
      ],
      environment: environment)
    #expect(export.code == 0, "\(export.all)")
    #expect(!export.err.contains("not exported"), "\(export.err)")
    let bots = try String(
      contentsOf: out.appendingPathComponent("bothero/bots/support.yaml"), encoding: .utf8)
    #expect(bots.contains("temperature: 0.3"))
    let hooks = try String(
      contentsOf: out.appendingPathComponent("bothero/webhooks/crm-sync.yaml"), encoding: .utf8)
    #expect(hooks.contains("bot: support") && !hooks.contains(Self.secret))
    // Knowledge documents are written out byte for byte, each with its manifest.
    for (name, source) in [
      ("opening-hours.md", "knowledge/opening-hours.md"),
      ("policies/returns.md", "knowledge/policies/returns.md"),
    ] {
      let exported = try Data(
        contentsOf: out.appendingPathComponent("bothero/knowledge/support/\(name)"))
      let original = try Data(contentsOf: world.harness.directory.appendingPathComponent(source))
      #expect(exported == original, "\(name)")
    }
    let manifest = try String(
      contentsOf: out.appendingPathComponent(
        "bothero/knowledge-documents/policies-returns.md.yaml"), encoding: .utf8)
    #expect(manifest.contains("name: policies/returns.md"), "\(manifest)")
    #expect(manifest.contains("file: ../knowledge/support/policies/returns.md"), "\(manifest)")
    let replan = await Harness.runCommand(
      ["plan", "-f", out.path, "--endpoint", "bothero=\(world.endpoint)", "--detailed-exitcode"],
      environment: environment)
    #expect(replan.code == 0, "\(replan.all)")
    // One file per kind round-trips too.
    let perKind = out.appendingPathComponent("per-kind")
    let grouped = await Harness.runCommand(
      [
        "export", "--out", perKind.path, "--per-kind", "--platform", "bothero", "--endpoint",
        "bothero=\(world.endpoint)",
      ],
      environment: environment)
    #expect(grouped.code == 0, "\(grouped.all)")
    let documents = try String(
      contentsOf: perKind.appendingPathComponent("bothero/knowledge-documents.yaml"),
      encoding: .utf8)
    #expect(documents.contains("file: knowledge/support/opening-hours.md"), "\(documents)")
    let replanGrouped = await Harness.runCommand(
      [
        "plan", "-f", perKind.path, "--endpoint", "bothero=\(world.endpoint)",
        "--detailed-exitcode",
      ],
      environment: environment)
    #expect(replanGrouped.code == 0, "\(replanGrouped.all)")

    try FileManager.default.removeItem(
      at: world.harness.directory.appendingPathComponent("bots.yaml"))
    for file in ["webhooks.yaml", "knowledge.yaml"] {
      try FileManager.default.removeItem(at: world.harness.directory.appendingPathComponent(file))
    }
    // The bot's conversation tests go with it: a test of a bot no manifest declares is an error.
    let tests = world.harness.directory.appendingPathComponent("tests")
    if FileManager.default.fileExists(atPath: tests.path) {
      try FileManager.default.removeItem(at: tests)
    }
    try world.harness.edit("heho.yaml") {
      $0.replacingOccurrences(of: "prune: false", with: "prune: true")
    }
    let prune = await world.run(["apply", "--auto-approve"])
    #expect(prune.code == 0, "\(prune.all)")
    #expect(
      prune.out.contains(
        "the platform deletes with it what depends on it: knowledgedocument/opening-hours.md, "
          + "knowledgedocument/policies/returns.md, webhook/crm-sync"), "\(prune.out)")
    #expect(try await world.list("bots").isEmpty)
    #expect(try await world.list("webhooks").isEmpty)
    #expect(try await world.list("knowledge/documents").isEmpty)
    await world.harness.stop()
  }

  @Test func editingOneDocumentReuploadsThatDocumentOnly() async throws {
    let world = try await World.start()
    #expect(await world.run(["apply", "--auto-approve"]).code == 0)
    let documents = try await world.list("knowledge/documents")
    #expect(
      documents.compactMap { $0["name"] as? String }.sorted() == [
        "opening-hours.md", "policies/returns.md",
      ])
    let returnsID = try #require(
      documents.first { $0["name"] as? String == "policies/returns.md" }?["id"] as? String)
    // Touching a file without changing it is no change.
    let hours = world.harness.directory.appendingPathComponent("knowledge/opening-hours.md")
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: hours.path)
    #expect(await world.run(["plan", "--detailed-exitcode"]).code == 0)

    try world.harness.edit("knowledge/opening-hours.md") {
      $0.replacingOccurrences(of: "6 PM", with: "7 PM")
    }
    let plan = await world.run(["plan"])
    #expect(plan.out.contains("knowledgedocument/opening-hours.md"), "\(plan.out)")
    #expect(plan.out.contains("content changed: sha256"), "\(plan.out)")
    await world.harness.platform.resetMetrics()
    let apply = await world.run(["apply", "--auto-approve"])
    #expect(apply.code == 0, "\(apply.all)")
    let metrics = await world.harness.platform.metrics()
    #expect(metrics.routes["POST /v1/knowledge/upload"] == 1, "\(metrics.routes)")
    #expect(metrics.routes.keys.filter { $0.hasPrefix("DELETE /v1/knowledge/") }.count == 1)
    let after = try await world.list("knowledge/documents")
    #expect(after.contains { $0["id"] as? String == returnsID })
    #expect(await world.run(["plan", "--detailed-exitcode"]).code == 0)
    await world.harness.stop()
  }

  @Test func aChatQuotesTheDocumentsAndItsDeliveriesAreSigned() async throws {
    let receiver = try await WebhookReceiver.start()
    let world = try await World.start()
    try world.harness.edit("webhooks.yaml") {
      $0.replacingOccurrences(of: "https://crm.example.com/hooks/bothero", with: receiver.url)
        .replacingOccurrences(
          of: "[conversation.started, lead.captured]",
          with: "[conversation.started, message.created]")
    }
    #expect(await world.run(["apply", "--auto-approve"]).code == 0)
    let botID = try #require(try await world.list("bots").first?["id"] as? String)
    let reply = try await world.api(
      "POST", "/chat/completions",
      body: ["bot_id": botID, "message": "When are you open on Friday?"])
    #expect((reply["content"] as? String)?.contains("Monday through Friday, 9 AM to 6 PM") == true)
    let received = try await receiver.waitFor(3)
    #expect(received.count >= 3)
    for delivery in received {
      #expect(
        WebhookReceiver.verify(delivery, secret: Self.secret),
        "bad signature: \(delivery.signature)")
    }
    let types = Set(received.compactMap { WebhookReceiver.type(of: $0) })
    #expect(types == ["conversation.started", "message.created"])

    // After a rotation, deliveries are signed with the new secret only.
    var rotated = world
    rotated.secret = "rotated-signing-secret"
    #expect(await rotated.run(["apply", "--auto-approve"]).code == 0)
    let before = receiver.requests.count
    _ = try await world.api(
      "POST", "/chat/completions", body: ["bot_id": botID, "message": "Can I return shoes?"])
    let later = try await receiver.waitFor(before + 3).dropFirst(before)
    #expect(later.count >= 3)
    for delivery in later {
      #expect(WebhookReceiver.verify(delivery, secret: "rotated-signing-secret"))
      #expect(!WebhookReceiver.verify(delivery, secret: Self.secret))
    }
    receiver.stop()
    await world.harness.stop()
  }

  @Test func aFileBotHeroWouldRefuseIsAPositionedErrorNamingIt() async throws {
    let world = try await World.start()
    let directory = world.harness.directory
    try Data([0x89, 0x50, 0x4E, 0x47]).write(
      to: directory.appendingPathComponent("knowledge/logo.png"))
    try world.harness.edit("knowledge.yaml") {
      $0.replacingOccurrences(of: #"["*.md", "policies/**/*.md"]"#, with: #"["**/*"]"#)
    }
    try """
    apiVersion: bothero/v1
    kind: KnowledgeDocument
    metadata:
      name: price-list
    spec:
      bot: support
      file: prices.csv
    """.write(
      to: directory.appendingPathComponent("prices.yaml"), atomically: true, encoding: .utf8)
    let validate = await world.harness.run(["validate", "-f", directory.path], project: false)
    #expect(validate.code == 1)
    #expect(validate.all.contains("knowledge.yaml:9:"), "\(validate.all)")
    #expect(validate.all.contains("'knowledge/logo.png' is not a type BotHero accepts"))
    #expect(validate.all.contains("prices.yaml:7:9"), "\(validate.all)")
    #expect(validate.all.contains("file 'prices.csv' does not exist"))
    await world.harness.stop()
  }
}
