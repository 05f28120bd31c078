import Foundation
import HehoLocal
import Testing

/// Under seeded faults (429, 5xx, dropped connections, commit-then-fail) apply converges within
/// three runs, makes no duplicates and loses no rows.
@Suite struct FaultTests {
  static func faults(seed: UInt64) -> FaultConfiguration {
    FaultConfiguration(latencyMilliseconds: 1, rate: 0.2, seed: seed, retryAfterSeconds: 0)
  }

  @Test(arguments: [UInt64(7), 42, 2026])
  func applyConvergesWithoutDuplicatesOrLostRows(seed: UInt64) async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try await harness.addRows("products", count: 4) {
      ["sku": "s\($0)", "name": "n\($0)", "price": 1.5]
    }
    try harness.edit("chatbots.yaml") {
      $0.replacingOccurrences(of: "theme: forest", with: "theme: rose")
    }
    try harness.edit("tables.yaml") {
      $0 + "\n---\napiVersion: heho/v1\nkind: Table\nmetadata:\n  name: returns\nspec:\n"
        + "  columns:\n    - { name: id, type: int, primaryKey: true }\n"
    }
    try harness.edit("heho.yaml") { $0 + "\n" }
    await harness.platform.setFaults(Self.faults(seed: seed))
    let (last, runs) = await harness.applyUntilItSucceeds()
    #expect(last.code == 0, "after \(runs) runs: \(last.all)")
    await harness.platform.setFaults(.none)
    #expect(await harness.run(["plan", "--detailed-exitcode"]).code == 0)
    #expect(try await harness.chatbotNames() == ["faq-bot", "orders-bot", "support-bot"])
    #expect(try await harness.tableNames() == ["faq", "orders", "products", "returns"])
    #expect(try await harness.platform.rowCount(table: "products", organization: "default") == 4)
    await harness.stop()
  }

  @Test func firstApplyUnderUnknownOutcomesMakesNoDuplicates() async throws {
    var faults = Self.faults(seed: 99)
    faults.rate = 0.3
    faults.kinds = [.commitThenFail, .dropConnection]
    let harness = try await Harness.start(faults: faults)
    let (last, runs) = await harness.applyUntilItSucceeds()
    #expect(last.code == 0, "after \(runs) runs: \(last.all)")
    await harness.platform.setFaults(.none)
    #expect(try await harness.chatbotNames() == ["faq-bot", "orders-bot", "support-bot"])
    #expect(!harness.transcript.captured.out.contains(harness.platform.apiKey))
    #expect(!harness.transcript.captured.err.contains(harness.platform.apiKey))
    await harness.stop()
  }
}
