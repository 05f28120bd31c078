/// Text made safe for a Markdown table cell or line in a plan or drift comment: invisible
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
}
