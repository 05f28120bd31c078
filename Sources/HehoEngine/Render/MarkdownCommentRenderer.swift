/// A Markdown renderer whose output is posted as a pull-request comment, which GitHub caps in
/// size: it renders a report whole when that fits within `limit`, and otherwise a compact form
/// that says what it left out.
protocol MarkdownCommentRenderer {
  /// What it renders.
  associatedtype Report

  /// The largest Markdown it writes.
  var limit: Int { get }

  /// The whole report, whatever its size.
  func renderFull(_ report: Report) -> String

  /// The report cut to fit within `limit`, saying what was left out.
  func renderCompact(_ report: Report) -> String
}

extension MarkdownCommentRenderer {
  /// `report` whole when it fits within `limit`, compact otherwise.
  func renderWithinLimit(_ report: Report) -> String {
    let full = renderFull(report)
    return MarkdownBudget.fits(full, limit: limit) ? full : renderCompact(report)
  }
}
