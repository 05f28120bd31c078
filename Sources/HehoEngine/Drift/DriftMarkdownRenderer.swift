import HehoManifest

/// Renders a drift report as Markdown, ready to post as an issue or pull-request comment: a
/// summary, a table of drifted resources, and the field differences in a collapsible block.
///
/// A report whose Markdown would pass `MarkdownBudget.limit` is rendered compact: the summary,
/// as many drifted resources as fit, and how many were left out.
public struct DriftMarkdownRenderer: Sendable, MarkdownCommentRenderer {
  /// The largest Markdown it writes.
  public var limit: Int

  /// Creates a renderer.
  public init(limit: Int = MarkdownBudget.limit) {
    self.limit = limit
  }

  /// The report as Markdown, within `limit`.
  public func render(_ report: DriftReport) -> String {
    renderWithinLimit(report)
  }

  /// The compact form: no field differences, the table cut to fit.
  func renderCompact(_ report: DriftReport) -> String {
    var budget = MarkdownBudget(limit: limit)
    budget.keep([
      Self.title(report), "",
      "**\(DriftTextRenderer.summaryLine(report))**", "",
      "| | resource | drift | where |", "|---|---|---|---|",
    ])
    let drifted = report.modified + report.missing + report.unmanaged + report.conflicts
    var shown = 0
    for entry in drifted {
      let row =
        "| \(Self.symbol(entry.status)) | \(Self.code(entry.address.description)) | "
        + "\(Self.phrase(entry)) | \(Self.place(entry)) |"
      guard budget.add(row) else { break }
      shown += 1
    }
    budget.keep([
      "",
      "_This report is too long for a comment: \(drifted.count - shown) of \(drifted.count) "
        + "drifted resources and every field difference were left out. The full report is in "
        + "`heho drift` (text) or `heho drift --output json`._",
    ])
    return budget.text
  }

  /// The whole report, whatever its size.
  func renderFull(_ report: DriftReport) -> String {
    var lines = [Self.title(report), ""]
    lines.append("**\(DriftTextRenderer.summaryLine(report))**")
    let drifted = report.modified + report.missing + report.unmanaged + report.conflicts
    if !drifted.isEmpty {
      lines.append("")
      lines.append("| | resource | drift | where |")
      lines.append("|---|---|---|---|")
      for entry in drifted {
        lines.append(
          "| \(Self.symbol(entry.status)) | \(Self.code(entry.address.description)) | "
            + "\(Self.phrase(entry)) | \(Self.place(entry)) |")
      }
    }
    let detailed = report.modified + report.inSync.filter { !$0.ignored.isEmpty }
    if !detailed.isEmpty {
      lines.append("")
      lines.append("<details><summary>Field differences</summary>")
      for entry in detailed {
        lines.append("")
        lines.append("**\(Self.code(entry.address.description))**")
        lines.append("")
        lines.append("| field | live | declared | note |")
        lines.append("|---|---|---|---|")
        for difference in entry.differences + entry.ignored {
          var note = difference.explanation ?? ""
          if let reason = difference.reason { note = "ignored (\(reason))" }
          lines.append(
            "| \(Self.code(difference.field)) | \(Self.escape(ValueText.render(difference.live))) | "
              + "\(Self.escape(ValueText.render(difference.declared))) | \(Self.escape(note)) |")
        }
      }
      lines.append("")
      lines.append("</details>")
    }
    lines += MarkdownText.notes(report.notes)
    return lines.joined(separator: "\n")
  }

  static func symbol(_ status: DriftEntry.Status) -> String {
    switch status {
    case .modified: return "🟡"
    case .missing: return "🟢"
    case .unmanaged: return "🔴"
    case .conflict: return "⛔"
    case .inSync: return "✅"
    }
  }

  static func phrase(_ entry: DriftEntry) -> String {
    switch entry.status {
    case .modified:
      let fields = entry.differences.map(\.field)
      return "modified: " + fields.map(code).joined(separator: ", ")
    case .missing: return "missing: declared, not on the platform"
    case .unmanaged: return "unmanaged: on the platform, in no manifest"
    case .conflict: return "conflict: " + escape(entry.message ?? "duplicate name")
    case .inSync: return "in sync"
    }
  }

  static func place(_ entry: DriftEntry) -> String {
    if let location = entry.location { return code("\(location.file):\(location.line)") }
    return entry.liveID.map { "id " + code($0) } ?? ""
  }

  /// `### heho drift: PROJECT (ENVIRONMENT)`.
  static func title(_ report: DriftReport) -> String {
    MarkdownText.title("drift", project: report.project, environment: report.environment)
  }

  /// Inline code that survives backticks, table pipes and line breaks in the text.
  static func code(_ text: String) -> String {
    MarkdownText.code(text)
  }

  /// Text safe in a table cell: no HTML, no pipes, no line breaks.
  static func escape(_ text: String) -> String {
    MarkdownText.escape(text)
  }
}
