/// Renders a test report as Markdown, ready to post as a pull-request comment: the counts, a
/// table of tests, and for each test that did not pass its turns, replies and unmet
/// expectations in a collapsible block.
///
/// A report whose Markdown would pass `MarkdownBudget.limit` (GitHub's comment limit, with a
/// margin) is rendered compact: the details go first, then table rows (passed tests last),
/// and the report says how many of each were left out.
public struct TestMarkdownRenderer: Sendable, MarkdownCommentRenderer {
  /// The largest Markdown it writes.
  public var limit: Int

  /// Creates a renderer.
  public init(limit: Int = MarkdownBudget.limit) {
    self.limit = limit
  }

  /// The report as Markdown, within `limit`.
  public func render(_ report: TestReport) -> String {
    renderWithinLimit(report)
  }

  /// The whole report, whatever its size.
  func renderFull(_ report: TestReport) -> String {
    var lines = Self.head(report)
    if !report.tests.isEmpty {
      lines += Self.tableHead + report.tests.map(Self.row)
    }
    let detailed = report.tests.filter(Self.hasDetails)
    if !detailed.isEmpty {
      lines += ["", "<details><summary>Tests that did not pass</summary>"]
      for test in detailed { lines += [""] + TestMarkdownDetails.lines(for: test) }
      lines += ["", "</details>"]
    }
    return lines.joined(separator: "\n")
  }

  /// The compact form: the head whole, then as many rows and details as fit.
  func renderCompact(_ report: TestReport) -> String {
    var budget = MarkdownBudget(limit: limit)
    budget.keep(Self.head(report) + Self.tableHead)
    // Tests that did not pass first, so a cut table still names them.
    let ordered =
      report.tests.filter { $0.status != .passed } + report.tests.filter { $0.status == .passed }
    var rows = 0
    for test in ordered {
      guard budget.add(Self.row(test)) else { break }
      rows += 1
    }
    let detailed = report.tests.filter(Self.hasDetails)
    var shown = 0
    if rows == ordered.count && !detailed.isEmpty {
      budget.keep(["", "<details><summary>Tests that did not pass</summary>"])
      for test in detailed {
        let block = ([""] + TestMarkdownDetails.lines(for: test)).joined(separator: "\n")
        guard budget.add(block) else { break }
        shown += 1
      }
      budget.keep(["", "</details>"])
    }
    var leftOut = ["the details of \(detailed.count - shown) of \(detailed.count) tests"]
    if rows < ordered.count {
      leftOut.insert("\(ordered.count - rows) of \(ordered.count) tests in the table", at: 0)
    }
    budget.keep([
      "",
      "_This report is too long for a comment: " + leftOut.joined(separator: " and ")
        + " were left out. The full report is in `heho test` (text) or "
        + "`heho test --output json`._",
    ])
    return budget.text
  }

  /// The title, the counts, and the resources that differ from the manifests.
  static func head(_ report: TestReport) -> [String] {
    var lines = [
      "### heho test" + (report.sandbox ? " (throwaway local platform)" : ""), "",
      "**\(TestTextRenderer.summary(report.summary, sandbox: report.sandbox))**",
    ]
    if !report.outOfSync.isEmpty {
      lines += [
        "", "> [!WARNING]",
        "> The live platforms differ from the manifests (the tests ran against them as they "
          + "are): " + report.outOfSync.map { code($0.description) }.joined(separator: ", "),
      ]
    }
    return lines
  }

  static let tableHead = ["", "| | test | target | result |", "|---|---|---|---|"]

  static func row(_ test: TestResult) -> String {
    "| \(symbol(test.status)) | \(code(test.name)) | \(code(test.target.description)) | "
      + "\(result(test)) |"
  }

  /// `passed`, `failed: turn 1, contains` with a repeated test's pass rate, or the reason.
  static func result(_ test: TestResult) -> String {
    var text: String
    switch test.status {
    case .passed: text = "passed"
    case .failed, .incomplete:
      text = test.status == .failed ? "failed" : "not checkable"
      let status = test.status == .failed ? "failed" : "not-checkable"
      if let (turn, check) = TestJUnitRenderer.firstCheck(of: test, status: status) {
        text += ": turn \(turn), " + code(check.check)
      }
    case .notRunnable: text = "not runnable: " + MarkdownText.escape(test.reason ?? "")
    case .error: text = "did not run: " + MarkdownText.escape(test.reason ?? "")
    }
    if test.runs.count > 1 { text += " (" + TestTextRenderer.runsPassed(test) + ")" }
    return text
  }

  /// Whether the report shows the test's turns: it ran and did not pass.
  static func hasDetails(_ test: TestResult) -> Bool {
    (test.status == .failed || test.status == .incomplete) && !test.runs.isEmpty
  }

  static func symbol(_ status: TestStatus) -> String {
    switch status {
    case .passed: return "✅"
    case .failed: return "❌"
    case .incomplete: return "⚠️"
    case .notRunnable, .error: return "⛔"
    }
  }

  /// Inline code that survives backticks, table pipes and line breaks in the text.
  static func code(_ text: String) -> String {
    MarkdownText.code(text)
  }
}
