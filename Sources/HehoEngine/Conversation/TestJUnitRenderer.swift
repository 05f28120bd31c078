/// Renders a test report as JUnit XML for CI dashboards: one test case per conversation test.
///
/// A failed test is a `<failure>` naming its first failed turn and expectation; its body lists
/// every failed turn with the user's message, the reply (trimmed) and each failed expectation,
/// and a repeated test's pass rate. Tests that could not run or left a check unmade are
/// `<error>`s, never `<skipped>`: dashboards show a skip as fine, and "not runnable" or "not
/// checkable" must never read as a pass.
public struct TestJUnitRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// The report as a JUnit XML document.
  public func render(_ report: TestReport) -> String {
    let summary = report.summary
    let errors = summary.incomplete + summary.notRunnable + summary.errors
    let counts =
      "tests=\"\(summary.tests)\" failures=\"\(summary.failed)\" errors=\"\(errors)\" time=\"0\""
    let name = XMLText.attribute("heho test")
    return JUnitDocument.render(
      suites: "name=\(name) \(counts)", suite: "name=\(name) \(counts) skipped=\"0\"",
      cases: report.tests.flatMap(testCase))
  }

  func testCase(_ test: TestResult) -> [String] {
    let open =
      "    <testcase name=\(XMLText.attribute(test.name)) "
      + "classname=\(XMLText.attribute(test.target.description)) time=\"0\""
    let element: String
    let type: String
    let message: String
    switch test.status {
    case .passed: return [open + "/>"]
    case .failed:
      (element, type) = ("failure", "failed")
      message =
        Self.firstCheck(of: test, status: "failed").map {
          "turn \($0.turn): expected \(Self.describe($0.check))"
        } ?? ""
    case .incomplete:
      (element, type) = ("error", "not-checkable")
      message =
        "not checkable: "
        + (Self.firstCheck(of: test, status: "not-checkable").map {
          "turn \($0.turn): \(Self.describe($0.check))"
        } ?? "")
    case .notRunnable:
      (element, type) = ("error", "not-runnable")
      message = "not runnable: " + (test.reason ?? "")
    case .error:
      (element, type) = ("error", "error")
      message = "did not run: " + (test.reason ?? "")
    }
    return [
      open + ">",
      "      <\(element) type=\(XMLText.attribute(type)) message=\(XMLText.attribute(message))>"
        + XMLText.content(details(for: test)) + "</\(element)>",
      "    </testcase>",
    ]
  }

  /// The first check with `status` in the run the report shows, and its turn's number: what a
  /// one-line verdict names.
  static func firstCheck(of test: TestResult, status: String) -> (turn: Int, check: CheckResult)? {
    for turn in shownRun(test)?.turns ?? [] {
      if let check = turn.checks.first(where: { $0.status == status }) {
        return (turn.turn, check)
      }
    }
    return nil
  }

  /// The failure's or error's body: where the test is declared, the pass rate of a repeated
  /// test, then each turn that did not pass.
  func details(for test: TestResult) -> String {
    var lines = ["declared at \(test.location)"]
    if let reason = test.reason { lines.append(reason) }
    if test.runs.count > 1 {
      let others = test.runs.filter { $0.status != .passed }.map { String($0.run) }
      lines.append(
        TestTextRenderer.runsPassed(test)
          + (others.isEmpty ? "" : "; runs that did not pass: " + others.joined(separator: ", ")))
    }
    guard let run = Self.shownRun(test), run.status != .passed else {
      return lines.joined(separator: "\n")
    }
    if test.runs.count > 1 { lines.append("run \(run.run):") }
    for turn in run.turns {
      let unmet = turn.checks.filter { $0.status != "passed" }
      guard !unmet.isEmpty else { continue }
      lines.append("turn \(turn.turn): \(TestTextRenderer.oneLine(turn.user, limit: 200))")
      lines.append("  reply: " + Self.quoted(turn.reply, indent: "         "))
      for check in unmet {
        let what = check.status == "failed" ? "expected" : "not checkable"
        lines.append("  \(what) \(Self.describe(check))")
      }
    }
    if let error = run.error { lines.append("stopped at \(error)") }
    return lines.joined(separator: "\n")
  }

  /// The run shown turn by turn, as in the text report: the first that did not pass.
  static func shownRun(_ test: TestResult) -> RunResult? {
    test.runs.first { $0.status != .passed } ?? test.runs.first
  }

  /// `text` quoted and cut at `TestTextRenderer.replyLimit` characters, its line breaks kept
  /// (a reply that breaks a line inside an expected phrase must show it) and indented.
  static func quoted(_ text: String, indent: String) -> String {
    let limit = TestTextRenderer.replyLimit
    let cut = text.count > limit ? text.prefix(limit) + "…" : text
    let lines = VisibleText.of(cut).split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    return "\"" + lines.joined(separator: "\n" + indent) + "\""
  }

  /// `contains "30 days": missing "30 days"`.
  static func describe(_ check: CheckResult) -> String {
    "\(check.check) \(check.expected)" + (check.detail.map { ": \($0)" } ?? "")
  }
}
