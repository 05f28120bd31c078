import Foundation
import HehoTestSupport
@_spi(Testing) import LocalServerKit
import Testing

/// `heho test` through the real commands against HehoLocal, on all three platforms: the
/// example's tests pass, and each kind of configuration break fails the test that should fail.
@Suite("heho test end to end")
struct ConversationTestEndToEndTests {
  static let all = [
    "helpdesk-returns", "helpdesk-lead", "shop-assistant-prices", "website-chat-returns",
  ]

  @Test("the example's tests pass on all three platforms against the applied configuration")
  func passing() async throws {
    let world = try await ConversationTestWorld.start()
    defer { Task { await world.harness.stop() } }
    try await world.apply()
    let text = await world.run(["test"])
    #expect(text.code == 0, "\(text.all)")
    for name in Self.all { #expect(text.out.contains("✓ \(name)"), "\(text.out)") }
    #expect(text.out.contains("4 tests: 4 passed, 0 failed."), "\(text.out)")
    let json = try await world.test()
    #expect(json.code == 0)
    #expect(json.statuses == Dictionary(uniqueKeysWithValues: Self.all.map { ($0, "passed") }))
    #expect(json.report["sandbox"] as? Bool == false)
    // Each platform answered its own test: a turn per platform reached its chat route.
    let routes = await world.harness.platform.metrics().routes
    #expect((routes["POST /api/aichat"] ?? 0) >= 2, "\(routes)")
    #expect((routes["POST /v1/chat/completions"] ?? 0) >= 4, "\(routes)")
    #expect(routes.keys.contains { $0.hasPrefix("POST /api/v1/agents/") && $0.hasSuffix("/test") })
  }

  @Test("a removed knowledge document breaks the BotHero test that cites it, and only that one")
  func removedDocument() async throws {
    let world = try await ConversationTestWorld.start()
    defer { Task { await world.harness.stop() } }
    try world.pruning()
    try await world.apply()
    try FileManager.default.removeItem(
      at: world.harness.directory.appendingPathComponent("knowledge/returns.md"))
    try await world.apply()
    let result = try await world.test()
    #expect(result.code == 1)
    #expect(result.statuses["helpdesk-returns"] == "failed")
    #expect(result.statuses["shop-assistant-prices"] == "passed")
    #expect(result.statuses["website-chat-returns"] == "passed")
    let failed = ConversationTestWorld.failedChecks(of: "helpdesk-returns", in: result.report)
    #expect(failed.contains("turn 1: citesDocument"), "\(failed)")
    #expect(failed.contains("turn 1: contains"), "\(failed)")
    let text = await world.run(["test", "helpdesk-returns"])
    #expect(text.code == 1)
    #expect(text.out.contains("✗ helpdesk-returns"), "\(text.out)")
    #expect(text.out.contains("expected citesDocument returns.md"), "\(text.out)")
  }

  @Test("a removed table permission leaves HeHo's chat unable to read the rows: the test fails")
  func removedPermission() async throws {
    let world = try await ConversationTestWorld.start()
    defer { Task { await world.harness.stop() } }
    try await world.apply()
    try world.harness.edit("heho-chatbot.yaml") { text in
      String(
        text[
          ..<(text.range(of: "---\napiVersion: heho/v1\nkind: Permission")?.lowerBound
            ?? text.endIndex)])
    }
    try await world.apply()
    let result = try await world.test()
    #expect(result.code == 1)
    #expect(result.statuses["shop-assistant-prices"] == "failed")
    #expect(result.statuses["helpdesk-returns"] == "passed")
    let text = await world.run(["test", "shop-assistant-prices"])
    #expect(
      text.out.contains("I don't know: none of the tables I may read mention that."), "\(text.out)")
  }

  @Test(
    "a broken agent prompt fails the Heppu test; the report shows the reply and the expectation")
  func brokenPrompt() async throws {
    let world = try await ConversationTestWorld.start()
    defer { Task { await world.harness.stop() } }
    try await world.apply()
    try Self.breakAgentPrompt(world)
    try await world.apply()
    let text = await world.run(["test", "website-chat-returns"])
    #expect(text.code == 1, "\(text.all)")
    #expect(text.out.contains("✗ website-chat-returns"), "\(text.out)")
    #expect(text.out.contains("✗ turn 1: \"Are returns free?\""), "\(text.out)")
    #expect(text.out.contains("reply: \"I don't know: my instructions don't cover that.\""))
    #expect(text.out.contains("expected contains \"free within 30 days\""), "\(text.out)")
    #expect(text.out.contains("✓ turn 2"), "\(text.out)")
  }

  /// Points the website chat at a prompt that no longer mentions returns.
  static func breakAgentPrompt(_ world: ConversationTestWorld) throws {
    try """
    You are the support assistant of Northwind Outfitters. Orders ship within two working days.
    """.write(
      to: world.harness.directory.appendingPathComponent("prompts/website.md"), atomically: true,
      encoding: .utf8)
    try world.harness.edit("heppu.yaml") { text in
      let chat = text.range(of: "name: website-chat")?.lowerBound ?? text.startIndex
      return text[..<chat]
        + text[chat...].replacingOccurrences(
          of: "instructionsFile: prompts/support.md", with: "instructionsFile: prompts/website.md")
    }
  }

  @Test("--affected runs exactly the tests reading what the saved plan changes")
  func affected() async throws {
    let world = try await ConversationTestWorld.start()
    defer { Task { await world.harness.stop() } }
    try world.pruning()
    try await world.apply()
    let plan = world.harness.directory.appendingPathComponent("plan.json").path
    func affected() async throws -> [String] {
      let planned = await world.run(["plan", "--out", plan])
      try #require(planned.code == 0, "\(planned.all)")
      return try await world.test(["--affected", plan]).statuses.keys.sorted()
    }
    #expect(try await affected() == [], "nothing changed, nothing runs")
    try FileManager.default.removeItem(
      at: world.harness.directory.appendingPathComponent("knowledge/shipping.md"))
    #expect(try await affected() == ["helpdesk-lead", "helpdesk-returns"])
    try world.harness.edit("data/products.csv") {
      $0.replacingOccurrences(of: "249.00", with: "259.00")
    }
    #expect(
      try await affected() == ["helpdesk-lead", "helpdesk-returns", "shop-assistant-prices"])
    try await world.apply()
    try Self.breakAgentPrompt(world)
    #expect(try await affected() == ["website-chat-returns"])
  }

  @Test(
    "live platforms that differ from the manifests are named, and refused with --require-in-sync")
  func outOfSync() async throws {
    let world = try await ConversationTestWorld.start()
    defer { Task { await world.harness.stop() } }
    try await world.apply()
    try Self.breakAgentPrompt(world)
    let warned = await world.run(["test", "website-chat-returns"])
    #expect(warned.code == 0, "the live agent still has the old prompt: \(warned.all)")
    #expect(warned.err.contains("differ from the manifests (agent/website-chat)"), "\(warned.err)")
    let refused = await world.run(["test", "--require-in-sync"])
    #expect(refused.code == 2, "\(refused.all)")
    #expect(refused.err.contains("agent/website-chat"), "\(refused.err)")
  }

  @Test("apply --test refuses before any write when a test fails: the platform served no request")
  func applyTestRefuses() async throws {
    let world = try await ConversationTestWorld.start()
    defer { Task { await world.harness.stop() } }
    try Self.breakAgentPrompt(world)
    let report = world.harness.directory.appendingPathComponent("apply.json")
    let refused = await world.run(
      ["apply", "--test", "--auto-approve", "--report-file", report.path])
    #expect(refused.code == 1, "\(refused.all)")
    #expect(refused.err.contains("nothing was applied"), "\(refused.err)")
    #expect(refused.out.contains("✗ website-chat-returns"), "\(refused.out)")
    #expect(await world.writesServed() == 0)
    #expect(await world.requestsServed() == 0)
    let document =
      try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
    #expect(document?["status"] as? String == "refused")
    #expect((document?["tests"] as? [String: Any])?["failed"] as? Int == 1)
    // The counter sees writes: the same apply without the broken prompt writes.
    try world.harness.edit("heppu.yaml") {
      $0.replacingOccurrences(of: "prompts/website.md", with: "prompts/support.md")
    }
    let applied = await world.run(
      ["apply", "--test", "--auto-approve", "--report-file", report.path])
    #expect(applied.code == 0, "\(applied.all)")
    #expect(await world.writesServed() >= 9)
    let after = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
    #expect(after?["status"] as? String == "applied")
    #expect((after?["tests"] as? [String: Any])?["passed"] as? Int == 4)
  }

  @Test("the sandbox run's JSON and JUnit reports of a failure pass their schemas")
  func reportsOfAFailure() async throws {
    let world = try await ConversationTestWorld.start()
    defer { Task { await world.harness.stop() } }
    try Self.breakAgentPrompt(world)
    let json = await world.run(["test", "--local", "--output", "json"])
    #expect(json.code == 1)
    let checked = try await CheckJSONSchema.validate(
      json: json.out,
      schema: Harness.repositoryRoot.appendingPathComponent("schemas/test-report.schema.json"))
    #expect(checked.status == 0, "\(checked.text)")
    let junit = await world.run(["test", "--local", "--output", "junit"])
    #expect(junit.code == 1)
    let valid = try await XMLLint.validate(
      xml: junit.out, schema: Harness.repositoryRoot.appendingPathComponent("schemas/junit.xsd"))
    #expect(valid.status == 0, "\(valid.text)")
    #expect(junit.out.contains("<failure"), "\(junit.out)")
    #expect(await world.requestsServed() == 0, "--local never touches the configured platforms")
  }
}
