import Foundation
import HeHoLocalServer
import HehoTestSupport
@_spi(Testing) import LocalServerKit
import Testing

/// `heho apply --report-file FILE`: a JSON report of every way an apply ends, matching
/// `schemas/apply-report.schema.json`, with counts in all and per platform.
@Suite struct ApplyReportTests {
  /// Applies with `--report-file`, checks the file against the schema, and returns it parsed.
  static func apply(
    _ harness: Harness, _ extra: [String] = []
  ) async throws -> (code: Int32, report: [String: Any], text: String) {
    let file = harness.directory.appendingPathComponent("report-\(UUID().uuidString).json")
    let run = await harness.run(["apply", "--auto-approve", "--report-file", file.path] + extra)
    let text = try String(contentsOf: file, encoding: .utf8)
    let checked = try await CheckJSONSchema.validate(
      json: text,
      schema: Harness.repositoryRoot.appendingPathComponent("schemas/apply-report.schema.json"))
    #expect(checked.status == 0, "\(checked.text)\n\(text)")
    #expect(run.err.contains("Wrote the apply report to \(file.path)."), "\(run.err)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    return (run.code, report, text)
  }

  static func counts(_ object: Any?) -> [String: Int] {
    (object as? [String: Any] ?? [:]).compactMapValues { $0 as? Int }
  }

  @Test func appliedThenNoChangesThenDifferences() async throws {
    let harness = try await Harness.start()
    let first = try await Self.apply(harness)
    #expect(first.code == 0)
    #expect(first.report["status"] as? String == "applied")
    #expect(Self.counts(first.report["counts"])["created"] == 6)
    let platforms = first.report["platforms"] as? [[String: Any]] ?? []
    #expect(platforms.map { $0["name"] as? String } == ["heho"])
    #expect(platforms.first?["endpoint"] as? String == harness.platform.baseURL)
    #expect(Self.counts(platforms.first?["counts"])["created"] == 6)
    let steps = first.report["steps"] as? [[String: Any]] ?? []
    #expect(steps.count == 6)
    #expect(steps.allSatisfy { $0["status"] as? String == "succeeded" })
    #expect(steps.allSatisfy { $0["platform"] as? String == "heho" })
    #expect(!first.text.contains(harness.platform.apiKey))

    let again = try await Self.apply(harness)
    #expect(again.code == 0)
    #expect(again.report["status"] as? String == "no_changes")
    #expect((again.report["steps"] as? [Any])?.isEmpty == true)

    try harness.edit("chatbots.yaml") { $0.replacingOccurrences(of: "ocean", with: "forest") }
    await harness.platform.setSettings(HeHoLocalSettings(storedChatbotTheme: "sky"))
    let differs = try await Self.apply(harness)
    await harness.platform.setSettings(HeHoLocalSettings())
    #expect(differs.code == 1)
    #expect(differs.report["status"] as? String == "differences")
    let mismatches = differs.report["mismatches"] as? [[String: Any]] ?? []
    #expect(mismatches.first?["platform"] as? String == "heho")
    await harness.stop()
  }

  @Test func aRefusedPlanIsReportedAndNothingIsWritten() async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    // Migrating a table so that its rows lose a column is refused without --allow-data-loss.
    try await harness.addRows("faq", count: 1) { ["question": "q\($0)", "answer": "a\($0)"] }
    try harness.edit("tables.yaml") {
      $0.replacingOccurrences(of: "    - { name: topic, type: varchar(64) }\n", with: "")
    }
    await harness.platform.resetMetrics()
    let refused = try await Self.apply(harness)
    #expect(refused.code == 1)
    #expect(refused.report["status"] as? String == "refused")
    #expect((refused.report["steps"] as? [Any])?.isEmpty == true)
    let metrics = await harness.platform.metrics()
    // Only reads: the two lists, and the row count of the table (a read action).
    #expect(
      Set(metrics.routes.keys)
        == [
          "GET /api/v1/chatbots/manage", "GET /api/v1/database/manage",
          "POST /api/v1/database/manage",
        ], "\(metrics.routes)")
    await harness.stop()
  }

  @Test func anUnwritableReportIsAnErrorThatSaysWhere() async throws {
    let harness = try await Harness.start()
    let run = await harness.run([
      "apply", "--auto-approve", "--report-file", "/nonexistent-directory/report.json",
    ])
    #expect(run.code == 1)
    #expect(run.err.contains("cannot write the apply report to /nonexistent-directory/report.json"))
    await harness.stop()
  }
}
