import Foundation
@_spi(Testing) import HeHoLocalServer
@_spi(Testing) import LocalServerKit
import Testing

/// Refusals, saved plans and connected tables against the real local platform.
@Suite struct SafetyTests {
  @Test func dataLossIsRefusedAndLeavesEverythingUntouched() async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try await harness.addRows("faq", count: 3) { ["question": "q\($0)", "answer": "a\($0)"] }
    // A column removed loses its values: the migration that keeps the rows needs consent.
    try harness.edit("tables.yaml") {
      $0.replacingOccurrences(of: "    - { name: topic, type: varchar(64) }\n", with: "")
    }
    try harness.edit("chatbots.yaml") {
      $0.replacingOccurrences(of: "theme: forest", with: "theme: rose")
    }
    await harness.platform.resetMetrics()
    let apply = await harness.run(["apply", "--auto-approve"])
    #expect(apply.code == 1)
    #expect(
      apply.out.contains(
        "table/faq: would migrate it and lose data (column topic removed: its values are lost)"),
      "\(apply.all)")
    #expect(apply.out.contains("--allow-data-loss"))
    // Exactly the reads a refused plan needs: the two lists, and one row count of the table
    // at risk (a `read` action, the one POST). Any other route would be a write.
    #expect(
      await harness.platform.metrics().routes == [
        "GET /api/v1/chatbots/manage": 1, "GET /api/v1/database/manage": 1,
        "POST /api/v1/database/manage": 1,
      ])
    #expect(try await harness.platform.rowCount(table: "faq", organization: "default") == 3)
    let allowed = await harness.run(["apply", "--auto-approve", "--allow-data-loss"])
    #expect(allowed.code == 0, "\(allowed.all)")
    #expect(try await harness.platform.rowCount(table: "faq", organization: "default") == 3)
    await harness.stop()
  }

  @Test func preventDestroyRefusesReplacingATable() async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try harness.edit("tables.yaml") {
      $0.replacingOccurrences(
        of: "{ name: status, type: text, notNull: true, defaultValue: pending }",
        with: "{ name: status, type: varchar(20), notNull: true }")
    }
    // text → varchar(20) narrows the column: a migration that can lose values.
    let plan = await harness.run(["plan", "--allow-data-loss"])
    #expect(plan.code == 1)
    #expect(
      plan.out.contains(
        "table/orders: lifecycle.preventDestroy allows only a migration that keeps every value"),
      "\(plan.all)")
    // With migrations off, the change is a plain replace, which the guard refuses.
    try harness.edit("tables.yaml") {
      $0.replacingOccurrences(
        of: "preventDestroy: true", with: "preventDestroy: true\n  migrate: false")
    }
    let replace = await harness.run(["plan", "--allow-data-loss"])
    #expect(replace.code == 1)
    #expect(
      replace.out.contains("table/orders: lifecycle.preventDestroy refuses to replace it"),
      "\(replace.all)")
    await harness.stop()
  }

  @Test func staleSavedPlanIsRefusedAndAFreshOneApplies() async throws {
    let harness = try await Harness.start()
    let planFile = harness.directory.appendingPathComponent("plan.json").path
    #expect(await harness.run(["plan", "--out", planFile]).code == 0)
    let saved = try String(contentsOfFile: planFile, encoding: .utf8)
    #expect(saved.contains("\"format_version\" : \"2\""))
    #expect(saved.contains("\"endpoint\" : \"\(harness.platform.baseURL)"))
    #expect(!saved.contains(harness.platform.apiKey))
    _ = try await harness.api(
      "POST", "/api/v1/database/tables",
      body: ["tableName": "intruder", "columns": [["name": "id", "type": "uuid"]]])
    await harness.platform.resetMetrics()
    let stale = await harness.run(["apply", planFile, "--auto-approve"])
    #expect(stale.code == 1)
    let refusal = try #require(
      stale.err.split(separator: "\n").first { $0.contains("the live state changed") },
      "\(stale.all)")
    #expect(
      refusal.wholeMatch(
        of:
          #/.*the live state changed since the plan was made \(fingerprint [0-9a-f]+, now [0-9a-f]+\); run heho plan again/#
      ) != nil, "\(refusal)")
    // Refused after reading the lists for the fingerprint, before any write.
    #expect(
      await harness.platform.metrics().routes == [
        "GET /api/v1/chatbots/manage": 1, "GET /api/v1/database/manage": 1,
      ])
    #expect(try await harness.chatbotNames().isEmpty)
    #expect(try await harness.tableNames() == ["intruder"])
    #expect(await harness.run(["plan", "--out", planFile]).code == 0)
    let fresh = await harness.run(["apply", planFile, "--auto-approve"])
    #expect(fresh.code == 0, "\(fresh.all)")
    #expect(try await harness.chatbotNames() == ["faq-bot", "orders-bot", "support-bot"])
    await harness.stop()
  }

  @Test func connectedTableIsConnectedFirstAndAMissingOneWritesNothing() async throws {
    let harness = try await Harness.start()
    try harness.edit("tables.yaml") {
      $0
        + "\n---\napiVersion: heho/v1\nkind: Table\nmetadata:\n  name: legacy_orders\nspec:\n  connect: true\n"
    }
    let missing = await harness.run(["apply", "--auto-approve"])
    #expect(missing.code == 1)
    #expect(missing.out.contains("does not exist in the organization's database"))
    #expect(try await harness.tableNames().isEmpty)
    #expect(try await harness.chatbotNames().isEmpty)
    try await harness.platform.execute(
      sql: "CREATE TABLE legacy_orders (id INTEGER PRIMARY KEY, total NUMERIC)",
      organization: "default")
    let plan = await harness.run(["plan"])
    #expect(plan.out.contains("<= table/legacy_orders"))
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    #expect(await harness.run(["plan", "--detailed-exitcode"]).code == 0)
    await harness.stop()
  }
}

/// What each command reads: the live state once, while the manifests load.
@Suite struct ReadCountTests {
  @Test func planReadsEachListOnceAndApplyOfASavedPlanOnlyWhatItsCheckNeeds() async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    await harness.platform.resetMetrics()
    let plan = await harness.run(["plan", "--detailed-exitcode"])
    #expect(plan.code == 0, "\(plan.all)")
    #expect(plan.out.contains("API: 2 reads made, 0 writes planned."))
    #expect(await harness.platform.metrics().total == 2)
    let planFile = harness.directory.appendingPathComponent("plan.json").path
    #expect(await harness.run(["plan", "--out", planFile]).code == 0)
    await harness.platform.resetMetrics()
    #expect(await harness.run(["apply", planFile, "--auto-approve"]).code == 0)
    #expect(await harness.platform.metrics().total == 2)
    await harness.stop()
  }

  @Test func manifestErrorsComeBeforeAMissingKeyAndNothingIsRead() async throws {
    let harness = try await Harness.start()
    try harness.edit("heho.yaml") {
      $0.replacingOccurrences(of: "apiKeyEnv: HEHO_API_KEY", with: "apiKeyEnv: ACME_KEY")
    }
    try harness.edit("chatbots.yaml") {
      $0.replacingOccurrences(of: "theme: forest", with: "theme: forrest")
    }
    let plan = await harness.run(["plan"])
    #expect(plan.code == 1)
    #expect(plan.err.contains("forrest"))
    #expect(!plan.err.contains("ACME_KEY"))
    #expect(await harness.platform.metrics().total == 0)
    await harness.stop()
  }
}
