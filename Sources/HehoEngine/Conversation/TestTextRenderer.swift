/// Renders a test report for people: ✓ or ✗ per test and per turn; a failed turn shows the
/// reply (trimmed) and the expectation that failed; a repeated test its pass rate; then a
/// summary line.
public struct TestTextRenderer: Sendable {
  /// Whether to use ANSI colors.
  public var color: Bool
  /// The longest reply shown, in characters.
  public static let replyLimit = 300

  /// Creates a renderer.
  public init(color: Bool) {
    self.color = color
  }

  /// The report as text (no trailing newline).
  public func render(_ report: TestReport) -> String {
    let style = Style(color: color)
    var lines: [String] = []
    if !report.outOfSync.isEmpty {
      lines.append(
        style.yellow("The live platforms differ from the manifests: ")
          + report.outOfSync.joined(separator: ", "))
      lines.append("")
    }
    for test in report.tests { lines += self.lines(for: test, style: style) }
    if !lines.isEmpty { lines.append("") }
    lines.append(Self.summary(report.summary, sandbox: report.sandbox))
    return lines.joined(separator: "\n")
  }

  func lines(for test: TestResult, style: Style) -> [String] {
    let head = "\(test.name)  \(style.dim(test.target))"
    switch test.status {
    case .notRunnable:
      return [style.yellow("- ") + head + "  not runnable: " + (test.reason ?? "")]
    case .error:
      return [style.red("! ") + head + "  did not run: " + (test.reason ?? "")]
    case .passed, .failed, .incomplete:
      break
    }
    let mark =
      test.status == .passed
      ? style.green("✓ ") : test.status == .failed ? style.red("✗ ") : style.yellow("? ")
    var lines = [mark + head + rate(test)]
    guard let shown = TestJUnitRenderer.shownRun(test) else { return lines }
    for turn in shown.turns {
      let failed = turn.checks.filter { $0.status == "failed" }
      let unchecked = turn.checks.filter { $0.status == "not-checkable" }
      let turnMark =
        !failed.isEmpty ? style.red("✗") : !unchecked.isEmpty ? style.yellow("?") : style.green("✓")
      lines.append("    \(turnMark) turn \(turn.turn): \(Self.oneLine(turn.user, limit: 80))")
      if !failed.isEmpty {
        lines.append("        reply: \(Self.oneLine(turn.reply, limit: Self.replyLimit))")
      }
      for check in failed + unchecked {
        let what = check.status == "failed" ? style.red("expected") : style.yellow("not checkable")
        lines.append(
          "        \(what) \(check.check) \(check.expected)"
            + (check.detail.map { ": \(VisibleText.of($0))" } ?? ""))
      }
    }
    return lines
  }

  /// `  (2 of 3 runs passed: 67%, needs 100%)` for a repeated test; empty otherwise.
  func rate(_ test: TestResult) -> String {
    test.runs.count > 1 ? "  (" + Self.runsPassed(test) + ")" : ""
  }

  /// `2 of 3 runs passed: 67%, needs 100%`: a repeated test's pass rate and the one it needs,
  /// worded alike in every format.
  static func runsPassed(_ test: TestResult) -> String {
    let passed = test.runs.filter { $0.status == .passed }.count
    return "\(passed) of \(test.runs.count) runs passed: \(percent(test.passRate)), "
      + "needs \(percent(test.minPassRate))"
  }

  static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

  /// `text` on one line, control characters made visible, cut at `limit` characters.
  static func oneLine(_ text: String, limit: Int) -> String {
    let flat = VisibleText.of(text).split(whereSeparator: \.isNewline).joined(separator: " ")
    return flat.count > limit ? "\"\(flat.prefix(limit))…\"" : "\"\(flat)\""
  }

  /// `4 tests: 3 passed, 1 failed.` and where they ran.
  static func summary(_ summary: TestReport.Summary, sandbox: Bool) -> String {
    var parts = ["\(summary.passed) passed", "\(summary.failed) failed"]
    if summary.incomplete > 0 { parts.append("\(summary.incomplete) not fully checkable") }
    if summary.notRunnable > 0 { parts.append("\(summary.notRunnable) not runnable") }
    if summary.errors > 0 { parts.append("\(summary.errors) did not run") }
    let place = sandbox ? " on a throwaway local platform" : ""
    let noun = summary.tests == 1 ? "test" : "tests"
    return "\(summary.tests) \(noun)\(place): " + parts.joined(separator: ", ") + "."
  }
}
