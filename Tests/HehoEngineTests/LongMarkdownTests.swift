import HehoEngine
import HehoManifest
import Testing

/// Markdown plans and drift reports stay under GitHub's comment limit, however large.
@Suite struct LongMarkdownTests {
  static func bigPlan(_ count: Int) -> Plan {
    let operations = (0..<count).map { index in
      PlannedOperation(
        address: ResourceAddress(kind: "store", name: "store-number-\(index)"),
        platform: index.isMultiple(of: 5) ? "toy" : "fake", action: .create,
        changes: (0..<6).map {
          FieldChange(
            field: "field\($0)", before: nil, after: .string("value \($0) of \(index)"),
            forcesReplacement: false)
        }, reasons: ["no such resource on the platform"])
    }
    return Plan(
      platforms: [PlatformEndpoint(name: "fake", endpoint: "http://fake")], project: "big",
      fingerprint: "0", operations: operations,
      problems: [PlanProblem(.invalid, address: nil, message: "one refusal stays")],
      readsMade: 2)
  }

  @Test func aPlanOf5000ResourcesStaysUnderTheLimitAndSaysWhatWasLeftOut() {
    let markdown = MarkdownRenderer().render(Self.bigPlan(5_000))
    #expect(markdown.utf8.count <= MarkdownBudget.limit)
    #expect(markdown.contains("Plan: 5000 to create"))
    #expect(markdown.contains("| fake | 0 | 4000 | 0 | 0 | 0 |"))
    #expect(markdown.contains("| toy | 0 | 1000 | 0 | 0 | 0 |"))
    #expect(markdown.contains("one refusal stays"))
    #expect(markdown.contains("`store/store-number-0`"))
    let shown = markdown.split(separator: "\n").filter { $0.hasPrefix("| `+` |") }.count
    #expect(shown > 100 && shown < 5_000)
    #expect(markdown.contains("\(5_000 - shown) of 5000 changes"), "\(markdown.suffix(400))")
    #expect(markdown.contains("`heho plan --output json`"))
  }

  @Test func aSmallPlanIsRenderedWhole() {
    let markdown = MarkdownRenderer().render(Self.bigPlan(20))
    #expect(markdown.contains("<details><summary>Field changes</summary>"))
    #expect(!markdown.contains("too long for a comment"))
  }

  @Test func aDriftReportOf5000ResourcesStaysUnderTheLimit() {
    let entries = (0..<5_000).map { index in
      DriftEntry(
        address: ResourceAddress(kind: "store", name: "store-number-\(index)"),
        platform: "fake", status: .modified, liveID: "id-\(index)",
        differences: [
          DriftDifference(
            field: "size", live: .string("live \(index)"), declared: .string("declared"),
            forcesReplacement: false)
        ])
    }
    let report = DriftReport(
      platforms: [PlatformEndpoint(name: "fake", endpoint: "http://fake")], project: "big",
      entries: entries)
    let markdown = DriftMarkdownRenderer().render(report)
    #expect(markdown.utf8.count <= MarkdownBudget.limit)
    #expect(markdown.contains("too long for a comment"))
    #expect(markdown.contains("of 5000 drifted resources"))
  }
}
