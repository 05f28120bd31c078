import HehoManifest

/// Renders a drift report as Markdown, ready to post as an issue or pull-request comment: a
/// summary, a table of drifted resources, and the field differences in a collapsible block.
public struct DriftMarkdownRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// The report as Markdown.
  public func render(_ report: DriftReport) -> String {
    var lines: [String] = []
    let environment = report.environment.map { " (\(Self.escape($0)))" } ?? ""
    lines.append("### heho drift: \(Self.escape(report.project))\(environment)")
    lines.append("")
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
    for note in report.notes {
      lines.append("")
      lines.append("_Note: \(Self.escape(note))_")
    }
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

  /// Inline code that survives backticks and table pipes in the text.
  static func code(_ text: String) -> String {
    let flat = VisibleText.of(text).replacingOccurrences(of: "`", with: "'")
      .replacingOccurrences(of: "|", with: "\\|")
      .split(whereSeparator: \.isNewline).joined(separator: " ")
    return "`\(flat)`"
  }

  /// Text safe in a table cell: no HTML, no pipes, no line breaks.
  static func escape(_ text: String) -> String {
    MarkdownText.escape(text)
  }
}
