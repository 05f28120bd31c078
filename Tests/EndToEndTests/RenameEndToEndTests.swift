import Foundation
@_spi(Testing) import HeHoLocalServer
@_spi(Testing) import LocalServerKit
import Testing

/// `metadata.previousNames` through the real commands: BotHero renames in place, HeHo cannot.
@Suite struct RenameEndToEndTests {
  /// The BotHero example with its bot renamed from `support` to `helpdesk`.
  func renameBot(in world: BotHeroEndToEndTests.World) throws {
    try world.harness.edit("bots.yaml") {
      $0.replacingOccurrences(
        of: "  name: support\n", with: "  name: helpdesk\n  previousNames: [support]\n")
    }
    for file in ["knowledge.yaml", "webhooks.yaml"] {
      try world.harness.edit(file) {
        $0.replacingOccurrences(of: "bot: support", with: "bot: helpdesk")
      }
    }
    // The bot's conversation tests target it by name.
    let tests = "tests/support.yaml"
    if FileManager.default.fileExists(
      atPath: world.harness.directory.appendingPathComponent(tests).path)
    {
      try world.harness.edit(tests) {
        $0.replacingOccurrences(of: "target: bot/support", with: "target: bot/helpdesk")
      }
    }
  }

  @Test func aBotHeroBotIsRenamedInPlaceKeepingItsIDAndWhatUsesIt() async throws {
    let world = try await BotHeroEndToEndTests.World.start()
    #expect(await world.run(["apply", "--auto-approve"]).code == 0)
    let botID = try #require(try await world.list("bots").first?["id"] as? String)
    let hookID = try #require(try await world.list("webhooks").first?["id"] as? String)
    let documents = try await world.list("knowledge/documents").compactMap { $0["id"] as? String }
    try renameBot(in: world)

    let plan = await world.run(["plan", "--detailed-exitcode"])
    #expect(plan.code == 2, "\(plan.all)")
    #expect(plan.out.contains("~ rename support → helpdesk"), "\(plan.out)")
    #expect(plan.out.contains("Plan: 0 to create, 1 to update, 0 to replace, 0 to delete."))
    let json = await world.run(["plan", "--output", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let operations = object["operations"] as? [[String: Any]] ?? []
    let rename = try #require(operations.first { $0["renamed_from"] != nil })
    #expect(rename["renamed_from"] as? String == "support")
    #expect(rename["live_id"] as? String == botID)
    let markdown = await world.run(["plan", "--output", "markdown"])
    #expect(markdown.out.contains("update: rename support → helpdesk"), "\(markdown.out)")

    await world.harness.platform.resetMetrics()
    let apply = await world.run(["apply", "--auto-approve"])
    #expect(apply.code == 0, "\(apply.all)")
    let routes = await world.harness.platform.metrics().routes
    #expect(routes["PATCH /v1/bots/\(botID)"] == 1, "\(routes)")
    #expect(routes.keys.filter { $0.hasPrefix("POST ") || $0.hasPrefix("DELETE ") }.isEmpty)
    let bots = try await world.list("bots")
    #expect(bots.map { $0["name"] as? String } == ["helpdesk"])
    #expect(bots.first?["id"] as? String == botID)
    let hooks = try await world.list("webhooks")
    #expect(hooks.first?["id"] as? String == hookID)
    #expect(hooks.first?["bot_id"] as? String == botID)
    #expect(
      try await world.list("knowledge/documents").compactMap { $0["id"] as? String } == documents)
    #expect(await world.run(["plan", "--detailed-exitcode"]).code == 0)
    // The previous name stays in the manifest harmlessly.
    let drift = await world.run(["drift"])
    #expect(drift.code == 0, "\(drift.all)")
    await world.harness.stop()
  }

  @Test func aReusedNameIsCreatedOnlyAfterTheRenameFreesIt() async throws {
    // With unique names, creating `support` before the rename would be refused with 409.
    let world = try await BotHeroEndToEndTests.World.start(uniqueNames: true)
    #expect(await world.run(["apply", "--auto-approve"]).code == 0)
    let botID = try #require(try await world.list("bots").first?["id"] as? String)
    try renameBot(in: world)
    try world.harness.edit("bots.yaml") {
      $0 + """
        ---
        apiVersion: bothero/v1
        kind: Bot
        metadata:
          name: support
        spec:
          instructions: A new bot under the old name.

        """
    }
    let apply = await world.run(["apply", "--auto-approve", "--parallelism", "8"])
    #expect(apply.code == 0, "\(apply.all)")
    #expect(apply.out.contains("1 created, 1 updated"), "\(apply.out)")
    let bots = try await world.list("bots")
    #expect(bots.first { $0["name"] as? String == "helpdesk" }?["id"] as? String == botID)
    #expect(bots.contains { $0["name"] as? String == "support" && $0["id"] as? String != botID })
    #expect(await world.run(["plan", "--detailed-exitcode"]).code == 0)
    await world.harness.stop()
  }

  @Test func aHeHoChatbotRenameIsAReplacementThatSaysWhy() async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try harness.edit("chatbots.yaml") {
      $0.replacingOccurrences(
        of: "  name: faq-bot\n", with: "  name: help-bot\n  previousNames: [faq-bot]\n")
    }
    try harness.edit("permissions.yaml") {
      $0.replacingOccurrences(of: "chatbot: faq-bot", with: "chatbot: help-bot")
    }
    let plan = await harness.run(["plan"])
    #expect(plan.out.contains("-/+ chatbot/help-bot"), "\(plan.out)")
    #expect(plan.out.contains("the rename forces a replacement"), "\(plan.out)")
    #expect(plan.out.contains("~ rename faq-bot → help-bot"), "\(plan.out)")
    #expect(!plan.out.contains("Unmanaged"), "\(plan.out)")
    let apply = await harness.run(["apply", "--auto-approve"])
    #expect(apply.code == 0, "\(apply.all)")
    let names = try await harness.chatbotNames()
    #expect(names.contains("help-bot") && !names.contains("faq-bot"), "\(names)")
    #expect(await harness.run(["plan", "--detailed-exitcode"]).code == 0)
    await harness.stop()
  }

  @Test func aHeHoTableRenameThatLosesRowsIsRefused() async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try await harness.addRows("faq", count: 3) { ["question": "q\($0)", "answer": "a\($0)"] }
    try harness.edit("tables.yaml") {
      $0.replacingOccurrences(
        of: "  name: faq\n", with: "  name: questions\n  previousNames: [faq]\n")
    }
    try harness.edit("permissions.yaml") {
      $0.replacingOccurrences(of: "table: faq", with: "table: questions")
    }
    let apply = await harness.run(["apply", "--auto-approve"])
    #expect(apply.code == 1, "\(apply.all)")
    #expect(apply.out.contains("table/questions: would replace it and lose its rows (3 rows now)"))
    #expect(try await harness.tableNames().contains("faq"))
    #expect(try await harness.platform.rowCount(table: "faq", organization: "default") == 3)
    await harness.stop()
  }
}
