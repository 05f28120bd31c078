/// Text made safe for a Markdown table cell or line in a plan, drift or test comment: invisible
/// characters shown, HTML and table pipes escaped, line breaks folded.
enum MarkdownText {
  /// `text` escaped for Markdown.
  static func escape(_ text: String) -> String {
    VisibleText.of(text).replacingOccurrences(of: "&", with: "&amp;")
      .replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
      .replacingOccurrences(of: "|", with: "\\|")
      .replacingOccurrences(of: "\r\n", with: " ")
      .replacingOccurrences(of: "\n", with: " ")
      .replacingOccurrences(of: "\r", with: " ")
  }

  /// Inline code that survives backticks, table pipes and line breaks in the text.
  static func code(_ text: String) -> String {
    let flat = VisibleText.of(text).replacingOccurrences(of: "`", with: "'")
      .replacingOccurrences(of: "|", with: "\\|")
      .split(whereSeparator: \.isNewline).joined(separator: " ")
    return "`\(flat)`"
  }

  /// `### heho COMMAND: PROJECT (ENVIRONMENT)`: the first line of a plan or drift comment, so
  /// a reader sees which project and environment it is about.
  static func title(_ command: String, project: String, environment: String?) -> String {
    "### heho \(command): \(escape(project))" + (environment.map { " (\(escape($0)))" } ?? "")
  }

  /// Each of the planner's notes as an italic line after an empty one, closing a comment.
  static func notes(_ notes: [String]) -> [String] {
    notes.flatMap { ["", "_Note: \(escape($0))_"] }
  }
}
