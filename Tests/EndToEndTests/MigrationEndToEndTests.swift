import Foundation
import HehoTestSupport
@_spi(Testing) import LocalServerKit
import Testing

/// Copy-migrations against the real local platform: rows and permissions survive a column
/// change, lossy changes name their rows, and an apply killed anywhere is finished by the next.
@Suite struct MigrationEndToEndTests {
  /// The rows of `table`, by ID, as the platform returns them.
  static func rows(_ harness: Harness, _ table: String) async throws -> [String: [String: Any]] {
    let read = try await harness.api(
      "POST", "/api/v1/database/manage", body: ["action": "read", "tableName": table])
    var byID: [String: [String: Any]] = [:]
    for row in read["data"] as? [[String: Any]] ?? [] { byID["\(row["id"] ?? "")"] = row }
    return byID
  }

  /// The ID and table slots of a chatbot, as listed.
  static func chatbot(_ harness: Harness, _ name: String) async throws -> String {
    let list = try await harness.api("GET", "/api/v1/chatbots/manage")["chatbots"]
    let found = (list as? [[String: Any]] ?? []).first { $0["name"] as? String == name }
    return "\(found?["id"] ?? "") \(found?["data_tables"] ?? "")"
  }

  static func files(_ harness: Harness, _ folder: String) -> [String] {
    let url = harness.directory.appendingPathComponent(".heho/\(folder)")
    return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter {
      !$0.hasPrefix(".")
    }.sorted()
  }

  @Test func aColumnAddedToA1000RowTableKeepsEveryRowAndThePermissions() async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try await harness.addRows("faq", count: 1_000) {
      [
        "question": "Question \($0)?", "answer": "Answer, \"\($0)\"\nline two",
        "topic": "t\($0 % 7)",
      ]
    }
    let before = try await Self.rows(harness, "faq")
    let bot = try await Self.chatbot(harness, "faq-bot")
    try harness.edit("tables.yaml") {
      $0.replacingOccurrences(
        of: "    - { name: topic, type: varchar(64) }\n",
        with:
          "    - { name: topic, type: text }\n    - { name: votes, type: integer, defaultValue: 0 }\n"
      )
    }
    let plan = await harness.run(["plan", "--detailed-exitcode"])
    #expect(plan.code == 2, "\(plan.all)")
    #expect(plan.out.contains("~ migrate table/faq (1,000 rows kept)"), "\(plan.out)")
    #expect(plan.out.contains("# keeps every value: column votes added (takes its default)"))
    #expect(plan.out.contains("Plan: 0 to create, 0 to update, 0 to replace, 1 to migrate"))
    await harness.platform.resetMetrics()
    let apply = await harness.run(["apply", "--auto-approve"])
    #expect(apply.code == 0, "\(apply.all)")
    #expect(apply.out.contains("1 migrated"), "\(apply.out)")
    // The bare calls and one more read: the plan's read, the backup's, the drop, the create,
    // 1,000 adds and the verify's read.
    let routes = await harness.platform.metrics().routes
    #expect(routes["DELETE /api/v1/database/tables"] == 1)
    #expect(routes["POST /api/v1/database/tables"] == 1)
    #expect(routes["POST /api/v1/database/manage"] == 1_000 + 3, "\(routes)")
    // Each step's requests carry its label, so that the platform can tell the backup's read
    // from the verify's.
    let operations = await harness.platform.metrics().operations
    #expect(
      operations == [
        "migrate table/faq: backup": 1, "migrate table/faq: drop": 1,
        "migrate table/faq: create": 1, "migrate table/faq: restore": 1_000,
        "migrate table/faq: verify": 1,
      ], "\(operations)")
    let after = try await Self.rows(harness, "faq")
    #expect(after.count == 1_000)
    for (id, row) in before {
      let kept = after[id]
      #expect(kept?["question"] as? String == row["question"] as? String)
      #expect(kept?["answer"] as? String == row["answer"] as? String)
      #expect(kept?["topic"] as? String == row["topic"] as? String)
      #expect(kept?["votes"] as? Int == 0)
    }
    #expect(try await Self.chatbot(harness, "faq-bot") == bot, "faq-bot kept its ID and access")
    let backups = Self.files(harness, "backups")
    #expect(backups.count == 1 && backups.first?.hasPrefix("faq-") == true, "\(backups)")
    let backup = try String(
      contentsOf: harness.directory.appendingPathComponent(".heho/backups/\(backups[0])"),
      encoding: .utf8)
    #expect(backup.split(separator: "\n").count == 1_000)
    #expect(Self.files(harness, "migrations").isEmpty, "the journal is closed")
    #expect(await harness.run(["plan", "--detailed-exitcode"]).code == 0)
    await harness.stop()
  }

  @Test func aLossyChangeNamesItsRowsAndNeedsConsent() async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try await harness.addRows("faq", count: 15) {
      ["question": "q\($0)", "answer": "a\($0)", "topic": $0 < 3 ? "\($0)" : "topic \($0)"]
    }
    try harness.edit("tables.yaml") {
      $0.replacingOccurrences(
        of: "{ name: topic, type: varchar(64) }", with: "{ name: topic, type: integer }")
    }
    let refused = await harness.run(["plan"])
    #expect(refused.code == 1)
    #expect(refused.out.contains("~ migrate table/faq (15 rows kept, 12 losing values)"))
    #expect(refused.out.contains("does not fit integer (it becomes null)"))
    #expect(refused.out.contains("and 2 more rows"), "\(refused.out)")
    #expect(refused.out.contains("table/faq: would migrate it and lose data"))
    #expect(Self.files(harness, "backups").isEmpty, "a refused plan writes nothing")
    let apply = await harness.run(["apply", "--auto-approve", "--allow-data-loss"])
    #expect(apply.code == 0, "\(apply.all)")
    let rows = try await Self.rows(harness, "faq")
    #expect(rows.count == 15)
    let topics = rows.values.compactMap { $0["topic"] as? Int }.sorted()
    #expect(topics == [0, 1, 2], "values that convert are carried over")
    let backup = try String(
      contentsOf: harness.directory.appendingPathComponent(
        ".heho/backups/\(Self.files(harness, "backups")[0])"), encoding: .utf8)
    #expect(backup.contains("\"topic\":\"topic 14\""), "the lost values are in the backup")
    await harness.stop()
  }

  @Test func preventDestroyAllowsAMigrationThatKeepsEveryValue() async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try harness.edit("tables.yaml") {
      $0.replacingOccurrences(
        of: "{ name: created_at, type: timestamptz, defaultValue: now() }",
        with: "{ name: created_at, type: timestamptz, defaultValue: now() }\n"
          + "    - { name: channel, type: text }")
    }
    let apply = await harness.run(["apply", "--auto-approve"])
    #expect(apply.code == 0, "\(apply.all)")
    #expect(apply.out.contains("~ migrate table/orders (0 rows kept)"))
    await harness.stop()
  }

  @Test func aSavedPlanIsStaleWhenTheRowsOfAMigratedTableChange() async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try await harness.addRows("faq", count: 2) { ["question": "q\($0)", "answer": "a\($0)"] }
    try harness.edit("tables.yaml") {
      $0.replacingOccurrences(
        of: "{ name: topic, type: varchar(64) }", with: "{ name: topic, type: text }")
    }
    let planFile = harness.directory.appendingPathComponent("plan.json").path
    #expect(await harness.run(["plan", "--out", planFile]).code == 0)
    try await harness.addRows("faq", count: 1) { ["question": "late \($0)", "answer": "x"] }
    let stale = await harness.run(["apply", planFile, "--auto-approve"])
    #expect(stale.code == 1)
    #expect(stale.all.contains("the live state changed since the plan was made"), "\(stale.all)")
    await harness.stop()
  }

  /// The real binary, killed with SIGKILL at seeded random moments of a migration of 1,000
  /// rows, one round in each window: while the backup's journal is new (before the drop
  /// returns), during the drop, during the create and during the restore. Every round must see
  /// the journal appear, the child die by the signal, the next plan show the resume, and the next
  /// apply finish it with every row. The seed is printed; `HEHO_KILL_SEED` reruns one.
  @Test(.enabled(if: HehoBinary.shouldTest, "needs a built heho (swift build --product heho)"))
  func anApplyKilledAnywhereIsFinishedByTheNext() async throws {
    let seed =
      ProcessInfo.processInfo.environment["HEHO_KILL_SEED"].flatMap { UInt64($0) }
      ?? UInt64.random(in: 1...UInt64(UInt32.max))
    print("killed migrations: seed \(seed) (rerun with HEHO_KILL_SEED=\(seed))")
    var random = SplitMix64(seed: seed)
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try await harness.addRows("faq", count: 1_000) { ["question": "q\($0)", "answer": "a\($0)"] }
    // Every request takes 20 ms: the drop and the create each take one, the restore about 2.5 s
    // (1,000 adds, 8 at a time), so each window below falls inside its step (measured from the
    // journal's appearance: the drop is sent at once and answered after about 25 ms, the
    // create after about 55 ms). The journal's phase at the kill is printed.
    await harness.platform.setFaults(FaultConfiguration(latencyMilliseconds: 20))
    let windows: [(step: String, milliseconds: ClosedRange<Int>)] = [
      ("backup", 0...5), ("drop", 8...16), ("create", 30...40), ("restore", 90...1_200),
    ].shuffled(using: &random)
    for (round, window) in windows.enumerated() {
      let delay = Int.random(in: window.milliseconds, using: &random)
      try harness.edit("tables.yaml") {
        $0.replacingOccurrences(
          of: "    - { name: answer, type: text, notNull: true }\n",
          with: "    - { name: answer, type: text, notNull: true }\n"
            + "    - { name: extra\(round), type: text }\n")
      }
      var environment = ProcessInfo.processInfo.environment
      environment.merge(harness.environment) { _, new in new }
      let child = try ServerProcess(
        [
          try HehoBinary.require(), "apply", "-f", harness.directory.path, "--endpoint",
          harness.platform.baseURL, "--auto-approve",
        ], in: harness.directory, environment: environment)
      let deadline = ContinuousClock.now + .seconds(30)
      while Self.files(harness, "migrations").isEmpty && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(1))
      }
      let round = "round \(round) (seed \(seed), \(window.step) window, \(delay) ms)"
      try #require(
        !Self.files(harness, "migrations").isEmpty,
        "\(round): no journal appeared in 30 s:\n\(child.output.joined(separator: "\n"))")
      try await Task.sleep(for: .milliseconds(delay))
      child.send(SIGKILL)
      _ = try await child.waitForExit(seconds: 10)
      let output = child.output.joined(separator: "\n")
      #expect(
        child.terminatingSignal == SIGKILL,
        "\(round): the apply was not killed (it ended first):\n\(output)")
      let phase = try Self.journalPhase(harness)
      // Between the drop and the create, the table is not there at all.
      let tables = try await harness.api("GET", "/api/v1/database/manage")["tables"]
      let there = (tables as? [[String: Any]] ?? []).contains {
        $0["table_name"] as? String == "faq"
      }
      let restored =
        there ? "\(try await Self.rows(harness, "faq").count) rows were there" : "no table"
      let plan = await harness.run(["plan"])
      #expect(
        plan.out.contains("resume migration of table/faq"), "\(round): \(plan.all)")
      let apply = await harness.applyUntilItSucceeds()
      #expect(apply.last.code == 0, "\(round): \(apply.last.all)")
      let rows = try await Self.rows(harness, "faq")
      #expect(rows.count == 1_000, "\(round): \(rows.count) rows after the kill and apply")
      #expect(Set(rows.values.compactMap { $0["question"] as? String }).count == 1_000)
      #expect(Self.files(harness, "migrations").isEmpty, "\(round): the journal is left")
      #expect(await harness.run(["plan", "--detailed-exitcode"]).code == 0, "\(round)")
      print("killed migrations: \(round): the journal said \(phase), \(restored)")
    }
    await harness.stop()
  }

  /// The phase the one journal of the project records.
  static func journalPhase(_ harness: Harness) throws -> String {
    let name = try #require(files(harness, "migrations").first { $0.hasSuffix(".json") })
    let data = try Data(
      contentsOf: harness.directory.appendingPathComponent(".heho/migrations/\(name)"))
    let journal = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return "\(journal?["phase"] ?? "no phase")"
  }
}
