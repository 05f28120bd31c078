import Foundation
@_spi(Testing) import LocalServerKit
import Testing

/// Heppu agents through the real commands, against HehoLocal's Heppu, in the omnichannel
/// example (all three platforms in one repository).
@Suite struct HeppuEndToEndTests {
  /// The omnichannel example on a fresh platform, every platform at its local endpoint.
  struct World {
    let harness: Harness

    static func start() async throws -> World {
      World(harness: try await Harness.start(example: "omnichannel"))
    }

    var endpoints: [String] { harness.endpoints.arguments }

    func run(_ arguments: [String], project: Bool = true) async -> RunResult {
      var environment = harness.environment
      environment["CRM_WEBHOOK_SECRET"] = "omnichannel-signing-secret"
      let result = await Harness.runCommand(
        arguments + (project ? ["-f", harness.directory.path] + endpoints : []),
        environment: environment)
      harness.transcript.out(result.out)
      harness.transcript.err(result.err)
      return result
    }

    /// The live agents, by name.
    func agents() async throws -> [String: [String: Any]] {
      let list = try await harness.api("GET", "/api/v1/agents")["data"] as? [[String: Any]] ?? []
      var byName: [String: [String: Any]] = [:]
      for agent in list { if let name = agent["name"] as? String { byName[name] = agent } }
      return byName
    }
  }

  @Test func allThreePlatformsApplyPlanEmptyDriftAndExport() async throws {
    let world = try await World.start()
    // A pull-request plan groups its changes by platform.
    let markdown = await world.run(["plan", "--output", "markdown"])
    let base = world.harness.platform.baseURL
    for heading in [
      "#### bothero (\(base)/v1): 4 to create", "#### heho (\(base)): 3 to create",
      "#### heppu (\(base)/api/v1): 2 to create",
    ] {
      #expect(markdown.out.contains(heading), "\(markdown.out)")
    }
    let order = ["#### bothero", "#### heho", "#### heppu"].compactMap {
      markdown.out.range(of: $0)?.lowerBound
    }
    #expect(order == order.sorted() && order.count == 3)
    let apply = await world.run(["apply", "--auto-approve"])
    #expect(apply.code == 0, "\(apply.all)")
    #expect(apply.out.contains("heppu: 2 created"), "\(apply.out)")
    #expect(apply.out.contains("bothero: 4 created"), "\(apply.out)")
    #expect(apply.out.contains("heho: 3 created"), "\(apply.out)")
    let agents = try await world.agents()
    #expect(agents["phone-support"]?["phoneNumbers"] as? [String] == ["+15550100"])
    #expect(agents["website-chat"]?["model"] as? String == "gpt-4o")
    let plan = await world.run(["plan", "--detailed-exitcode"])
    #expect(plan.code == 0, "\(plan.all)")
    #expect(plan.out.contains("API: 7 reads made, 0 writes planned."), "\(plan.out)")
    let drift = await world.run(["drift"])
    #expect(drift.code == 0, "\(drift.all)")
    // Each agent's ID, and a chat agent's embed code.
    let output = await world.run(["output", "--output", "json"])
    #expect(output.code == 0, "\(output.all)")
    let outputs = try #require(
      try JSONSerialization.jsonObject(with: Data(output.out.utf8)) as? [String: Any])
    let entries = outputs["outputs"] as? [[String: Any]] ?? []
    let chat = try #require(
      entries.first { ($0["address"] as? [String: Any])?["name"] as? String == "website-chat" })
    #expect(chat["id"] as? String == agents["website-chat"]?["id"] as? String)
    let embed = (chat["values"] as? [String: Any])?["embedCode"] as? String ?? ""
    #expect(embed.contains("data-agent-id=\"\(chat["id"] as? String ?? "?")\""), "\(chat)")
    let phone = entries.first {
      ($0["address"] as? [String: Any])?["name"] as? String == "phone-support"
    }
    #expect(phone?["values"] == nil || (phone?["values"] as? [String: Any])?.isEmpty == true)

    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-omnichannel-export-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let export = await world.run(
      ["export", "--out", out.path, "-f", world.harness.directory.path] + world.endpoints,
      project: false)
    #expect(export.code == 0, "\(export.all)")
    let agent = try String(
      contentsOf: out.appendingPathComponent("heppu/agents/phone-support.yaml"), encoding: .utf8)
    #expect(agent.contains("phoneNumbers: [\"+15550100\"]"), "\(agent)")
    let replan = await world.run(
      ["plan", "-f", out.path, "--detailed-exitcode"] + world.endpoints, project: false)
    #expect(replan.code == 0, "\(replan.all)")
    await world.harness.stop()
  }

  @Test func aChangeIsAPatchOfThatFieldAndATypeChangeReplaces() async throws {
    let world = try await World.start()
    #expect(await world.run(["apply", "--auto-approve"]).code == 0)
    let id = try #require(try await world.agents()["phone-support"]?["id"] as? String)
    try world.harness.edit("heppu.yaml") {
      $0.replacingOccurrences(of: "speed: 1.0", with: "speed: 1.2")
    }
    let plan = await world.run(["plan"])
    #expect(plan.out.contains("~ config.speed: 1.0 → 1.2"), "\(plan.out)")
    await world.harness.platform.resetMetrics()
    #expect(await world.run(["apply", "--auto-approve"]).code == 0)
    let routes = await world.harness.platform.metrics().routes
    #expect(routes["PATCH /api/v1/agents/\(id)"] == 1, "\(routes)")
    let agent = try #require(try await world.agents()["phone-support"])
    #expect(agent["id"] as? String == id)
    #expect((agent["config"] as? [String: Any])?["speed"] as? Double == 1.2)

    try world.harness.edit("heppu.yaml") {
      $0.replacingOccurrences(of: "  type: chat\n", with: "  type: voice\n")
        .replacingOccurrences(
          of:
            "  config:\n    theme: light\n    primaryColor: \"#0ea5e9\"\n    position: bottom-right\n    allowedDomains: [shop.example.com]\n  tools: [knowledge_base, human_handoff]\n",
          with: "")
    }
    let replace = await world.run(["plan"])
    #expect(replace.out.contains("-/+ agent/website-chat"), "\(replace.out)")
    #expect(replace.out.contains("Heppu cannot change an agent's type"), "\(replace.out)")
    await world.harness.stop()
  }

  @Test func softDeletesAreSaidAndNeitherDriftNorUnmanaged() async throws {
    let world = try await World.start()
    #expect(await world.run(["apply", "--auto-approve"]).code == 0)
    let chatID = try #require(try await world.agents()["website-chat"]?["id"] as? String)
    try world.harness.edit("heppu.yaml") {
      String(
        $0[
          ..<($0.range(
            of: "---\napiVersion: heppu/v1\nkind: Agent\nmetadata:\n  name: website-chat")?
            .lowerBound ?? $0.endIndex)])
    }
    // The agent's conversation tests go with it: a test of an agent no manifest declares is an
    // error.
    let tests = world.harness.directory.appendingPathComponent("tests/website-chat.yaml")
    if FileManager.default.fileExists(atPath: tests.path) {
      try FileManager.default.removeItem(at: tests)
    }
    try world.harness.edit("heho.yaml") {
      $0.replacingOccurrences(of: "prune: false", with: "prune: true")
    }
    let plan = await world.run(["plan"])
    #expect(
      plan.out.contains("agent/website-chat will be deleted (soft: the platform keeps it"),
      "\(plan.out)")
    #expect(await world.run(["apply", "--auto-approve"]).code == 0)
    #expect(try await world.agents()["website-chat"] == nil)
    // The platform keeps it, unseen: no drift, nothing unmanaged, an empty plan.
    let after = await world.run(["plan", "--detailed-exitcode"])
    #expect(after.code == 0, "\(after.all)")
    #expect(!after.out.contains("Unmanaged"))
    #expect(await world.run(["drift"]).code == 0)
    // Declared again, the agent is created anew: the soft-deleted one is not revived.
    try world.harness.edit("heho.yaml") {
      $0.replacingOccurrences(of: "prune: true", with: "prune: false")
    }
    try world.harness.edit("heppu.yaml") {
      $0
        + "---\napiVersion: heppu/v1\nkind: Agent\nmetadata:\n  name: website-chat\nspec:\n  type: chat\n"
    }
    let again = await world.run(["apply", "--auto-approve"])
    #expect(again.code == 0, "\(again.all)")
    #expect(again.out.contains("Apply complete: 1 created"), "\(again.out)")
    let revived = try #require(try await world.agents()["website-chat"]?["id"] as? String)
    #expect(revived != chatID)
    await world.harness.stop()
  }

  @Test func trainingIsNeverADiffAndARenameKeepsTheID() async throws {
    let world = try await World.start()
    #expect(await world.run(["apply", "--auto-approve"]).code == 0)
    let id = try #require(try await world.agents()["phone-support"]?["id"] as? String)
    try await world.harness.api("PATCH", "/api/v1/agents/\(id)", body: ["status": "training"])
    #expect(await world.run(["plan", "--detailed-exitcode"]).code == 0)
    try world.harness.edit("heppu.yaml") {
      $0.replacingOccurrences(
        of: "  name: phone-support\n",
        with: "  name: phone-line\n  previousNames: [phone-support]\n")
    }
    let plan = await world.run(["plan"])
    #expect(plan.out.contains("~ rename phone-support → phone-line"), "\(plan.out)")
    #expect(await world.run(["apply", "--auto-approve"]).code == 0)
    #expect(try await world.agents()["phone-line"]?["id"] as? String == id)
    #expect(await world.run(["plan", "--detailed-exitcode"]).code == 0)
    await world.harness.stop()
  }

  @Test func phoneNumbersMoveAndSwapInOneApply() async throws {
    let world = try await World.start()
    // A second voice agent with a number of its own.
    try world.harness.edit("heppu.yaml") {
      $0 + """
        ---
        apiVersion: heppu/v1
        kind: Agent
        metadata:
          name: after-hours
        spec:
          type: voice
          phoneNumbers: ["+15550199"]

        """
    }
    #expect(await world.run(["apply", "--auto-approve"]).code == 0)
    // Swap the two numbers: each agent takes the other's.
    try world.harness.edit("heppu.yaml") {
      $0.replacingOccurrences(of: "[\"+15550100\"]", with: "[\"SWAP\"]")
        .replacingOccurrences(of: "[\"+15550199\"]", with: "[\"+15550100\"]")
        .replacingOccurrences(of: "[\"SWAP\"]", with: "[\"+15550199\"]")
    }
    let swap = await world.run(["apply", "--auto-approve"])
    #expect(swap.code == 0, "\(swap.all)")
    #expect(swap.out.contains("update agent/phone-support (release phoneNumbers)"), "\(swap.out)")
    var agents = try await world.agents()
    #expect(agents["phone-support"]?["phoneNumbers"] as? [String] == ["+15550199"])
    #expect(agents["after-hours"]?["phoneNumbers"] as? [String] == ["+15550100"])
    #expect(await world.run(["plan", "--detailed-exitcode"]).code == 0)
    // Move a number to a new agent in the same apply.
    try world.harness.edit("heppu.yaml") {
      $0.replacingOccurrences(of: "[\"+15550100\"]", with: "[]") + """
        ---
        apiVersion: heppu/v1
        kind: Agent
        metadata:
          name: sales-line
        spec:
          type: voice
          phoneNumbers: ["+15550100"]

        """
    }
    let move = await world.run(["apply", "--auto-approve", "--parallelism", "8"])
    #expect(move.code == 0, "\(move.all)")
    agents = try await world.agents()
    #expect(agents["sales-line"]?["phoneNumbers"] as? [String] == ["+15550100"])
    #expect(agents["after-hours"]?["phoneNumbers"] as? [String] == [])
    #expect(await world.run(["plan", "--detailed-exitcode"]).code == 0)
    await world.harness.stop()
  }

  @Test func aNumberHeldByAnUnmanagedAgentIsRefusedBeforeAnyWrite() async throws {
    let world = try await World.start()
    try await world.harness.api(
      "POST", "/api/v1/agents",
      body: ["name": "legacy-line", "type": "voice", "phoneNumbers": ["+15550100"]])
    await world.harness.platform.resetMetrics()
    let apply = await world.run(["apply", "--auto-approve"])
    #expect(apply.code == 1, "\(apply.all)")
    #expect(
      apply.out.contains("phoneNumbers +15550100 is held by agent/legacy-line"), "\(apply.out)")
    let routes = await world.harness.platform.metrics().routes
    #expect(routes.keys.filter { !$0.hasPrefix("GET ") }.isEmpty, "\(routes)")
    await world.harness.stop()
  }
}
