import Foundation
import HehoEngine
import HehoManifest
import Testing

@Suite struct RendererTests {
  static let plan: Plan = {
    var replace = PlannedOperation(
      address: Fixtures.address("bot/b"), action: .replace, liveID: "b1",
      changes: [
        FieldChange(
          field: "goal", before: .string("old"), after: .string("new"), forcesReplacement: true,
          explanation: "b changes goal")
      ], reasons: ["bots cannot be updated"], warnings: ["its platform ID changes"])
    replace.sources = [Fixtures.address("bot/b"), Fixtures.address("grant/b-s")]
    return Plan(
      platforms: [PlatformEndpoint(name: "fake", endpoint: "http://fake")], project: "demo",
      fingerprint: "00ff",
      operations: [
        PlannedOperation(
          address: Fixtures.address("store/s"), action: .create,
          changes: [FieldChange(field: "size", before: nil, after: .int(2))]),
        replace,
        PlannedOperation(
          address: Fixtures.address("store/old"), action: .delete, liveID: "old", recordsLost: 3),
        PlannedOperation(address: Fixtures.address("store/same"), action: .noop),
      ],
      unmanaged: [
        UnmanagedResource(address: Fixtures.address("store/old"), liveID: "old", pruned: true)
      ],
      problems: [
        PlanProblem(.dataLoss, address: Fixtures.address("store/old"), message: "would lose 3 rows")
      ], notes: ["one note"], readsMade: 3)
  }()

  @Test func textWithoutColorHasSymbolsFieldsSummaryAndCost() {
    let text = TextRenderer(color: false).render(Self.plan)
    #expect(!text.contains("\u{1B}["))
    #expect(text.contains("  + store/s"))
    #expect(text.contains("      + size = 2"))
    #expect(text.contains("  -/+ bot/b (with grant/b-s)"))
    #expect(text.contains("~ goal: \"old\" → \"new\"  # b changes goal"))
    #expect(text.contains("# bot/b must be replaced (bots cannot be updated)"))
    #expect(text.contains("  - store/old"))
    #expect(text.contains("✗ store/old: would lose 3 rows"))
    #expect(text.contains("Plan: 1 to create, 0 to update, 1 to replace, 1 to delete."))
    #expect(text.hasSuffix("API: 3 reads made, 4 writes planned."))
  }

  @Test func textWithColorPaintsSymbols() {
    let text = TextRenderer(color: true).render(Self.plan)
    #expect(text.contains("\u{1B}[32m+\u{1B}[0m"))
    #expect(text.contains("\u{1B}[35m-/+\u{1B}[0m"))
  }

  @Test func noChangesSaysSo() {
    let plan = Plan(
      platforms: [PlatformEndpoint(name: "fake", endpoint: "http://fake")], project: "demo",
      fingerprint: "0", operations: [], readsMade: 2)
    let text = TextRenderer(color: false).render(plan)
    #expect(text.hasPrefix("No changes."))
    #expect(text.contains("Plan: 0 to create, 0 to update, 0 to replace, 0 to delete."))
  }

  @Test func jsonHasVersionSortedKeysAndRoundTrips() throws {
    let data = try PlanCodec.encode(Self.plan)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["format_version"] as? String == "2")
    #expect(
      Set(object.keys) == [
        "api", "fingerprint", "format_version", "notes", "operations", "platforms", "problems",
        "project", "summary", "unmanaged",
      ])
    let platforms = try #require(object["platforms"] as? [[String: Any]])
    #expect(platforms.first?["name"] as? String == "fake")
    #expect(platforms.first?["endpoint"] as? String == "http://fake")
    let operations = try #require(object["operations"] as? [[String: Any]])
    #expect(operations[1]["action"] as? String == "replace")
    #expect(
      (operations[1]["changes"] as? [[String: Any]])?.first?["forces_replacement"] as? Bool == true)
    let text = String(decoding: data, as: UTF8.self)
    #expect(
      text.range(of: "\"api\"")?.lowerBound ?? text.endIndex < text.range(of: "\"fingerprint\"")?
        .lowerBound ?? text.startIndex)
    #expect(try PlanCodec.decode(data, source: "plan.json") == Self.plan)
  }

  @Test func decodingRejectsOtherVersionsWithAHint() {
    let data = Data(#"{"format_version": "9"}"#.utf8)
    #expect(throws: PlanFileError.self) { try PlanCodec.decode(data, source: "p.json") }
    do {
      _ = try PlanCodec.decode(data, source: "p.json")
    } catch {
      #expect("\(error)".contains("run heho plan --out again"))
    }
  }

  @Test func markdownHasSummaryTableRefusalsAndDiff() {
    let markdown = MarkdownRenderer().render(Self.plan)
    #expect(markdown.hasPrefix("### heho plan: demo"))
    #expect(
      markdown.contains(
        "| `-/+` | `bot/b` | replace | bots cannot be updated; its platform ID changes |"))
    #expect(markdown.contains("> [!CAUTION]"))
    #expect(markdown.contains("```diff"))
    #expect(!markdown.contains("\u{1B}["))
  }

  @Test func markdownKeepsHostileTextInsideItsCell() {
    let plan = Plan(
      platforms: [PlatformEndpoint(name: "fake", endpoint: "http://fake")], project: "demo <b>",
      fingerprint: "00ff",
      operations: [
        PlannedOperation(
          address: Fixtures.address("store/s"), action: .replace, liveID: "s1",
          reasons: ["a | b\nc <script>"])
      ], readsMade: 2)
    let markdown = MarkdownRenderer().render(plan)
    #expect(markdown.hasPrefix("### heho plan: demo &lt;b&gt;"))
    #expect(markdown.contains("| replace | a \\| b c &lt;script&gt; |"))
  }
}
