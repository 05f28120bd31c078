import Foundation
@_spi(Testing) import HeHoLocalServer
@_spi(Testing) import LocalServerKit
import Testing

/// `TableData` through the real commands against the local platform: rows from CSV, JSON Lines,
/// YAML and inline rows applied, planned, edited, pruned, drifted, and written under faults.
@Suite struct TableDataEndToEndTests {
  /// The rows of `table` on the platform, by their `key` column's text.
  static func rows(_ harness: Harness, _ table: String, key: String) async throws
    -> [String: [String: Any]]
  {
    let read = try await harness.api(
      "POST", "/api/v1/database/manage", body: ["action": "read", "tableName": table])
    var rows: [String: [String: Any]] = [:]
    for row in read["data"] as? [[String: Any]] ?? [] {
      rows["\(row[key] ?? "")"] = row
    }
    return rows
  }

  /// The reference-data example on a fresh local platform, applied: where most tests start.
  static func applied() async throws -> Harness {
    let harness = try await Harness.start(example: "reference-data")
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    return harness
  }

  @Test func theExampleAppliesEveryValueAsWrittenAndThenPlansEmpty() async throws {
    let harness = try await Harness.start(example: "reference-data")
    let apply = await harness.run(["apply", "--auto-approve"])
    #expect(apply.code == 0, "\(apply.all)")
    #expect(apply.out.contains("12 rows added, 0 edited, 0 deleted"), "\(apply.out)")
    let products = try await Self.rows(harness, "products", key: "sku")
    #expect(products.count == 4)
    #expect(products["TEA-02"]?["name"] as? String == "Earl Grey, loose leaf")
    #expect(products["MUG-01"]?["name"] as? String == "Mug \"Morning\"")
    #expect(products["KIT-01"]?["name"] as? String == "Gift kit\n(tea and mug)")
    #expect(products["TEA-01"]?["price"] as? Double == 4.5)
    #expect(products["MUG-01"]?["in_stock"] as? Bool == false)
    #expect(products["MUG-01"]?["updated_at"] is NSNull)
    #expect(products["TEA-01"]?["updated_at"] as? String == "2026-11-02T08:00:00Z")
    let stores = try await Self.rows(harness, "stores", key: "city")
    #expect(stores.keys.sorted() == ["Helsinki", "Tampere"])
    #expect((stores["Helsinki"]?["id"] as? String)?.count == 36)
    #expect((stores["Tampere"]?["details"] as? [String: Any])?["parking"] as? Bool == false)

    let plan = await harness.run(["plan", "--detailed-exitcode"])
    #expect(plan.code == 0, "\(plan.all)")
    // The two lists, and one read per table with data: nothing more.
    #expect(plan.out.contains("API: 6 reads made, 0 writes planned."), "\(plan.out)")
    let drift = await harness.run(["drift"])
    #expect(drift.code == 0, "\(drift.all)")
    await harness.stop()
  }

  @Test func editsAddAndPruneAreRowWritesAndPruneIsGuarded() async throws {
    let harness = try await Self.applied()
    try harness.edit("data/products.csv") {
      $0.replacingOccurrences(of: "TEA-01,Green tea,4.50", with: "TEA-01,Green tea,4.75")
        .replacingOccurrences(of: "MUG-01,\"Mug \"\"Morning\"\"\",12.00,no,\n", with: "")
        + "CUP-01,Espresso cup,7,yes,\n"
    }
    let refused = await harness.run(["plan", "--detailed-exitcode"])
    #expect(refused.code == 1, "\(refused.all)")
    #expect(
      refused.out.contains("~ tabledata/products (table/products): + 1 rows, ~ 1 rows, - 1 rows"))
    #expect(refused.out.contains("~ key TEA-01: price: 4.5 → 4.75"), "\(refused.out)")
    #expect(refused.out.contains("- key MUG-01"))
    #expect(refused.out.contains("would delete 1 rows of table/products"), "\(refused.out)")
    #expect(await harness.run(["apply", "--auto-approve"]).code == 1)
    #expect(try await Self.rows(harness, "products", key: "sku").count == 4)

    await harness.platform.resetMetrics()
    let apply = await harness.run(["apply", "--auto-approve", "--allow-data-loss"])
    #expect(apply.code == 0, "\(apply.all)")
    #expect(apply.out.contains("1 rows added, 1 edited, 1 deleted"), "\(apply.out)")
    let routes = await harness.platform.metrics().routes
    // The plan's four row reads, the three row writes, and verify-after-apply's four reads.
    #expect(routes["POST /api/v1/database/manage"] == 4 + 3 + 4, "\(routes)")
    let products = try await Self.rows(harness, "products", key: "sku")
    #expect(products.keys.sorted() == ["CUP-01", "KIT-01", "TEA-01", "TEA-02"])
    #expect(products["TEA-01"]?["price"] as? Double == 4.75)
    #expect(await harness.run(["plan", "--detailed-exitcode"]).code == 0)
    await harness.stop()
  }

  @Test func rowsChangedByHandAreDriftAndUnlistedRowsAreLeftAlone() async throws {
    let harness = try await Self.applied()
    // faq keeps no prune: a row added by hand stays; an edited one is drift.
    try await harness.api(
      "POST", "/api/v1/database/manage",
      body: [
        "action": "add", "tableName": "faq", "data": ["id": 9, "question": "q", "answer": "a"],
      ])
    try await harness.api(
      "POST", "/api/v1/database/manage",
      body: ["action": "edit", "tableName": "faq", "id": 2, "data": ["answer": "No."]])
    let drift = await harness.run(["drift"])
    #expect(drift.code == 2, "\(drift.all)")
    #expect(drift.out.contains("tabledata/faq"), "\(drift.out)")
    #expect(drift.out.contains("key 2: answer"), "\(drift.out)")
    let apply = await harness.run(["apply", "--auto-approve"])
    #expect(apply.code == 0, "\(apply.all)")
    let faq = try await Self.rows(harness, "faq", key: "id")
    #expect(faq["2"]?["answer"] as? String == "Yes, within 30 days, with the receipt.")
    #expect(faq["9"] != nil)
    await harness.stop()
  }

  @Test func tenThousandRowsArePlannedWithOneReadPerTable() async throws {
    let harness = try await Self.applied()
    var csv = "sku,name,price,in_stock,updated_at\n"
    for index in 0..<10_000 { csv += "P\(index),Product \(index),\(index % 97).5,yes,\n" }
    try csv.write(
      to: harness.directory.appendingPathComponent("data/products.csv"), atomically: true,
      encoding: .utf8)
    let plan = await harness.run(["plan", "--detailed-exitcode", "--allow-data-loss"])
    #expect(plan.code == 2, "\(plan.all)")
    #expect(plan.out.contains("+ 10,000 rows, ~ 0 rows, - 4 rows"), "\(plan.out)")
    #expect(plan.out.contains("API: 6 reads made, 10004 writes planned."), "\(plan.out)")
    let json = await harness.run(["plan", "--output", "json", "--allow-data-loss"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let operations = object["operations"] as? [[String: Any]] ?? []
    let data = try #require(
      operations.first {
        ($0["address"] as? [String: Any])?["kind"] as? String == "tabledata"
          && ($0["address"] as? [String: Any])?["name"] as? String == "products"
      })
    let changes = (data["records"] as? [String: Any])?["changes"] as? [[String: Any]] ?? []
    #expect(changes.count == 10_004)
    await harness.stop()
  }

  @Test func addsWhoseAnswerIsLostAreLookedUpNotDuplicated() async throws {
    var faults = FaultConfiguration(
      latencyMilliseconds: 1, rate: 0.35, seed: 15, retryAfterSeconds: 0)
    faults.kinds = [.commitThenFail, .dropConnection]
    let harness = try await Harness.start(example: "reference-data", faults: faults)
    let (last, runs) = await harness.applyUntilItSucceeds()
    #expect(last.code == 0, "after \(runs) runs: \(last.all)")
    await harness.platform.setFaults(.none)
    // Faults hit the row API (which requests they hit depends on how the concurrent writes
    // interleave; RowWritesTests shows an add found by its key, deterministically).
    let metrics = await harness.platform.metrics()
    let route = "POST /api/v1/database/manage"
    #expect(
      metrics.faults(.commitThenFail, route: route) + metrics.faults(.dropConnection, route: route)
        > 0, "\(metrics.faultsByRoute)")
    // Stores are keyed by city with a generated uuid: a resent add would make a second row.
    let read = try await harness.api(
      "POST", "/api/v1/database/manage", body: ["action": "read", "tableName": "stores"])
    let cities = (read["data"] as? [[String: Any]] ?? []).compactMap { $0["city"] as? String }
    #expect(cities.sorted() == ["Helsinki", "Tampere"])
    #expect(try await Self.rows(harness, "products", key: "sku").count == 4)
    #expect(try await harness.platform.rowCount(table: "faq", organization: "default") == 3)
    #expect(await harness.run(["plan", "--detailed-exitcode"]).code == 0)
    await harness.stop()
  }
}

extension TableDataEndToEndTests {
  @Test func plansWithRowsMatchThePlanSchema() async throws {
    let harness = try await Harness.start(example: "reference-data")
    let creates = await harness.run(["plan", "--output", "json"])
    let (code, output) = try await PlanSchemaTests.validate(creates.out)
    #expect(code == 0, "\(output)")
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try harness.edit("data/products.csv") {
      $0.replacingOccurrences(of: "TEA-01,Green tea,4.50", with: "TEA-01,Green tea,5")
        .replacingOccurrences(of: "MUG-01,\"Mug \"\"Morning\"\"\",12.00,no,\n", with: "")
    }
    let changes = await harness.run(["plan", "--output", "json"])
    #expect(changes.out.contains("\"records\""))
    let (changesCode, changesOutput) = try await PlanSchemaTests.validate(changes.out)
    #expect(changesCode == 0, "\(changesOutput)")
    await harness.stop()
  }
}

extension ExportRoundTripTests {
  @Test(arguments: [false, true])
  func exportWithDataWritesRowsThatRoundTrip(perKind: Bool) async throws {
    try await DriftWorld.with { world in
      let source = Repository.root.appendingPathComponent("examples/reference-data")
      #expect(await world.heho("apply", source, ["--auto-approve"]).code == 0)
      let tables = ["faq", "products", "shipping_zones", "stores"]
      let out = try await Self.exportAndPlan(
        world, into: "export",
        tables.flatMap { ["--data", $0] } + (perKind ? ["--per-kind"] : []))
      let files = try Self.files(under: out)
      #expect(
        files["data/products.csv"]?.contains("MUG-01,\"Mug \"\"Morning\"\"\",12,false,\n") == true)
      #expect(files["data/products.csv"]?.contains("KIT-01,\"Gift kit\n(tea and mug)\"") == true)
      let manifest = perKind ? files["tabledata.yaml"] : files["tabledata/stores.yaml"]
      #expect(manifest?.contains("key: id") == true, "\(files.keys.sorted())")
      let unknown = await world.run(
        [
          "export", "--out", world.root.appendingPathComponent("other").path, "--endpoint",
          world.platform.baseURL, "--data", "prodcts",
        ])
      #expect(unknown.code != 0)
      #expect(unknown.err.contains("did you mean 'products'?"), "\(unknown.err)")
    }
  }
}

extension TableDataEndToEndTests {
  @Test func aSavedPlanIsRefusedWhenARowChangedSinceItWasMade() async throws {
    let harness = try await Self.applied()
    try harness.edit("data/faq.yaml") {
      $0.replacingOccurrences(of: "Three days in the EU", with: "Two days in the EU")
    }
    let planFile = harness.directory.appendingPathComponent("plan.json").path
    #expect(await harness.run(["plan", "--out", planFile]).code == 0)
    try await harness.api(
      "POST", "/api/v1/database/manage",
      body: ["action": "edit", "tableName": "faq", "id": 3, "data": ["answer": "Not abroad."]])
    let stale = await harness.run(["apply", planFile, "--auto-approve"])
    #expect(stale.code != 0, "\(stale.all)")
    #expect(stale.all.contains("the live state changed since the plan was made"), "\(stale.all)")
    let faq = try await Self.rows(harness, "faq", key: "id")
    #expect(faq["1"]?["answer"] as? String == "Three days in the EU, seven to the US.")
    await harness.stop()
  }
}

extension TableDataEndToEndTests {
  @Test func aSavedPlanWithATargetIsNotStaleBecauseOfRowsItLeavesOut() async throws {
    let harness = try await Self.applied()
    try harness.edit("chatbots.yaml") {
      $0.replacingOccurrences(of: "tone: friendly", with: "tone: strict")
    }
    let planFile = harness.directory.appendingPathComponent("plan.json").path
    #expect(
      await harness.run(["plan", "--target", "chatbot/shop-assistant", "--out", planFile]).code
        == 0)
    let apply = await harness.run(["apply", planFile, "--auto-approve"])
    #expect(apply.code == 0, "\(apply.all)")
    await harness.stop()
  }

  @Test func rowsThePlatformHoldsTwiceUnderOneKeyAreAllPruned() async throws {
    let harness = try await Self.applied()
    // stores is keyed by city, which the table does not keep unique.
    for _ in 0..<2 {
      try await harness.api(
        "POST", "/api/v1/database/manage",
        body: ["action": "add", "tableName": "stores", "data": ["city": "Helsinki"]])
    }
    try harness.edit("data.yaml") {
      $0.replacingOccurrences(
        of: "  file: data/stores.jsonl\n", with: "  file: data/stores.jsonl\n  prune: true\n")
    }
    let plan = await harness.run(["plan", "--allow-data-loss"])
    #expect(plan.out.contains("+ 0 rows, ~ 0 rows, - 2 rows"), "\(plan.out)")
    let apply = await harness.run(["apply", "--auto-approve", "--allow-data-loss"])
    #expect(apply.code == 0, "\(apply.all)")
    let read = try await harness.api(
      "POST", "/api/v1/database/manage", body: ["action": "read", "tableName": "stores"])
    let cities = (read["data"] as? [[String: Any]] ?? []).compactMap { $0["city"] as? String }
    #expect(cities.sorted() == ["Helsinki", "Tampere"])
    await harness.stop()
  }
}
