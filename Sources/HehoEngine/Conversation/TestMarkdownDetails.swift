/// The Markdown details of one test that did not pass: where it is declared, a repeated
/// test's pass rate, and each turn with an unmet expectation: the user's message, the reply
/// (trimmed, quoted) and the expectations that failed or could not be checked.
///
/// Messages and replies come from people and models: they are escaped so that no Markdown or
/// HTML in them shapes the comment.
enum TestMarkdownDetails {
  static func lines(for test: TestResult) -> [String] {
    var lines = [
      "#### \(TestMarkdownRenderer.symbol(test.status)) \(TestMarkdownRenderer.code(test.name)) "
        + "→ \(TestMarkdownRenderer.code(test.target.description))", "",
    ]
    guard let run = TestJUnitRenderer.shownRun(test) else { return lines }
    var about = "Declared at \(TestMarkdownRenderer.code(test.location))."
    if test.runs.count > 1 {
      let passed = test.runs.filter { $0.status == .passed }.count
      about +=
        " \(passed) of \(test.runs.count) runs passed "
        + "(\(TestTextRenderer.percent(test.passRate)), needs "
        + "\(TestTextRenderer.percent(test.minPassRate))); run \(run.run) is shown."
    }
    lines.append(about)
    for turn in run.turns {
      let unmet = turn.checks.filter { $0.status != "passed" }
      guard !unmet.isEmpty else { continue }
      lines += ["", "**Turn \(turn.turn):** " + prose(trimmed(turn.user, limit: 200)), ""]
      lines += quote(turn.reply)
      lines.append("")
      for check in unmet {
        let what = check.status == "failed" ? "❌ expected" : "⚠️ not checkable:"
        lines.append(
          "- \(what) \(TestMarkdownRenderer.code(check.check)) \(prose(check.expected))"
            + (check.detail.map { ": " + prose($0) } ?? ""))
      }
    }
    return lines
  }

  /// The reply as a block quote, cut at `TestTextRenderer.replyLimit` characters, its line
  /// breaks kept (a reply that breaks a line inside an expected phrase must show it).
  static func quote(_ reply: String) -> [String] {
    if reply.isEmpty { return ["> _(empty reply)_"] }
    let limit = TestTextRenderer.replyLimit
    let cut = reply.count > limit ? reply.prefix(limit) + "…" : reply
    return cut.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
      $0.isEmpty ? ">" : "> " + lineStart(prose(String($0)))
    }
  }

  /// `line` with a backslash before what would make it a list item, a heading underline or a
  /// thematic break at the start of a line (`- `, `+ `, `1. `, `===`).
  static func lineStart(_ line: String) -> String {
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    let marker = line.dropFirst(digits.count).first
    if let first = line.first, "-+=".contains(first) { return "\\" + line }
    if !digits.isEmpty, let marker, marker == "." || marker == ")" {
      return digits + "\\" + line.dropFirst(digits.count)
    }
    return line
  }

  /// `text` on one line, cut at `limit` characters with an ellipsis.
  static func trimmed(_ text: String, limit: Int = TestTextRenderer.replyLimit) -> String {
    let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return flat.count > limit ? flat.prefix(limit) + "…" : flat
  }

  /// Text shown as is: Markdown's emphasis, link, code and heading characters escaped with a
  /// backslash, then HTML, pipes and invisible characters as `MarkdownText` does.
  static func prose(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if "\\`*_[]#~!".contains(character) { escaped.append("\\") }
      escaped.append(character)
    }
    return MarkdownText.escape(escaped)
  }
}
