import HehoManifest
import Testing

@testable import HehoEngine

/// `heho test --output markdown`: a pull-request comment within GitHub's limit.
@Suite struct TestMarkdownRendererTests {
  @Test func summaryTableAndDetailsOfTheTestsThatDidNotPass() {
    let markdown = TestMarkdownRenderer().render(TestReportFixtures.sample())
    #expect(markdown.hasPrefix("### heho test (throwaway local platform)\n\n**5 tests on a"))
    #expect(
      markdown.contains(
        "1 passed, 1 failed, 1 not fully checkable, 1 not runnable, 1 did not run.**"))
    #expect(markdown.contains("| ✅ | `returns-policy` | `bot/helpdesk` | passed |"))
    #expect(
      markdown.contains(
        "| ❌ | `failed-repeated` | `bot/helpdesk` | failed: turn 1, `contains` "
          + "(1 of 3 runs passed: 33%, needs 100%) |"))
    #expect(markdown.contains("| ⚠️ | `grounded` | `bot/helpdesk` | not checkable: turn 2"))
    #expect(markdown.contains("| ⛔ | `unreachable` | `chatbot/support` | did not run: run 1"))
    #expect(markdown.contains("not runnable: Heppu has no conversation API |"))
    #expect(markdown.contains("<details><summary>Tests that did not pass</summary>"))
    #expect(markdown.contains("#### ❌ `failed-repeated` → `bot/helpdesk`"))
    #expect(markdown.contains("1 of 3 runs passed (33%, needs 100%); run 2 is shown."))
    #expect(markdown.contains("- ❌ expected `contains` \"30 days\": missing \"30 days\""))
    #expect(
      markdown.contains(
        "- ⚠️ not checkable: `citesDocument` returns.md: the reply carries no sources"))
    #expect(markdown.contains("#### ⚠️ `grounded`"))
    #expect(!markdown.contains("#### ✅"))
    #expect(!markdown.contains("too long for a comment"))
  }

  @Test func userTextAndRepliesCannotShapeTheComment() {
    let markdown = TestMarkdownRenderer().render(TestReportFixtures.sample())
    // Raw markup only inside code spans, where it is shown as written.
    let raw = markdown.split(separator: "\n").filter { $0.contains("<ird>") }
    #expect(raw.count == 1)
    #expect(raw.allSatisfy { $0.contains("`agent-we<ird> & ") })
    #expect(!markdown.contains("\u{1B}"))
    #expect(!markdown.contains("\u{1}"))
    #expect(markdown.contains("we&lt;ird&gt; &amp; \"quoted\" 'it' \\| pipe \\`tick\\`"))
    #expect(markdown.contains("\\*star\\* \\[link\\](x) \\u{1}\\u{1b}\\[31m"))
    let reply = markdown.split(separator: "\n").first { $0.hasPrefix("> Sorry") }
    #expect(reply.map { $0.hasSuffix("…") } == true)
    // A test name goes into code spans, its pipes escaped for the table.
    #expect(markdown.contains("| ⛔ | `agent-we<ird> & \"quoted\" 'it' \\| pipe 'tick'"))
  }

  @Test func liveRunsNameTheResourcesThatDifferFromTheManifests() {
    let markdown = TestMarkdownRenderer().render(TestReportFixtures.sample(sandbox: false))
    #expect(markdown.hasPrefix("### heho test\n"))
    #expect(markdown.contains("> [!WARNING]"))
    #expect(markdown.contains("differ from the manifests (the tests ran against them as they"))
    #expect(markdown.contains("are): `bot/helpdesk`"))
  }

  @Test func aReplysLineBreaksAreKeptInTheQuote() {
    let markdown = TestMarkdownRenderer().render(
      TestReportFixtures.ships(
        reply: "Orders ship within two working\ndays.\n\n*Thanks*\n- a\n===\n2. b\n12) c"))
    #expect(
      markdown.contains(
        "> Orders ship within two working\n> days.\n>\n> \\*Thanks\\*\n> \\- a\n> \\===\n"
          + "> 2\\. b\n> 12\\) c\n"))
  }

  static func manyFailures(_ count: Int) -> TestReport {
    let failing = TestReportFixtures.turn(
      1, reply: String(repeating: "no idea ", count: 60),
      [TestReportFixtures.check("contains", "\"30 days\"", .failed("missing \"30 days\""))])
    let tests = (0..<count).map { index in
      TestResult(
        name: "test-number-\(index)", target: ResourceAddress(kind: "bot", name: "helpdesk"),
        location: "tests.yaml:\(index + 1):1", status: index.isMultiple(of: 4) ? .passed : .failed,
        runs: [RunResult(run: 1, status: .failed, turns: [failing])])
    }
    return TestReport(sandbox: true, platforms: [], tests: tests)
  }

  @Test func manyFailuresCutTheDetailsFirstAndSaySo() {
    let report = Self.manyFailures(400)
    let markdown = TestMarkdownRenderer().render(report)
    #expect(markdown.utf8.count <= MarkdownBudget.limit)
    #expect(markdown.contains("**400 tests on a throwaway local platform: 100 passed, 300 failed"))
    let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("`bot/") }
    #expect(rows.count == 400)
    let details = markdown.split(separator: "\n").filter { $0.hasPrefix("#### ❌") }.count
    #expect(details > 10 && details < 300)
    #expect(
      markdown.contains("the details of \(300 - details) of 300 tests were left out"),
      "\(markdown.suffix(400))")
    #expect(markdown.hasSuffix("`heho test --output json`._"))
    #expect(!markdown.contains("tests in the table"))
    #expect(markdown.contains("</details>"))
  }

  @Test func aVeryLongReportAlsoCutsTheTableFailuresFirst() {
    let markdown = TestMarkdownRenderer().render(Self.manyFailures(5_000))
    #expect(markdown.utf8.count <= MarkdownBudget.limit)
    let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("`bot/") }
    #expect(rows.count > 100 && rows.count < 5_000)
    #expect(rows.allSatisfy { $0.hasPrefix("| ❌") })
    #expect(markdown.contains("\(5_000 - rows.count) of 5000 tests in the table and the details"))
    #expect(markdown.contains("the details of 3750 of 3750 tests were left out"))
    #expect(!markdown.contains("<details>"))
  }
}
