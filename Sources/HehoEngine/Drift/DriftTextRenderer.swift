import HehoManifest

/// Renders a drift report for people: each class in its own section, field by field, ignored
/// differences with their reasons, then a summary line.
public struct DriftTextRenderer: Sendable {
  /// Whether to use ANSI colors.
  public var color: Bool

  /// Creates a renderer.
  public init(color: Bool) {
    self.color = color
  }

  /// The report as text (no trailing newline).
  public func render(_ report: DriftReport) -> String {
    let style = Style(color: color)
    var lines: [String] = []
    func section(_ title: String, _ entries: [DriftEntry], _ body: (DriftEntry) -> [String]) {
      guard !entries.isEmpty else { return }
      if !lines.isEmpty { lines.append("") }
      lines.append(style.bold(title))
      for entry in entries { lines.append(contentsOf: body(entry)) }
    }
    section("Modified (live differs from the manifests):", report.modified) { entry in
      [header("~", entry, style: style, paint: style.yellow)]
        + entry.differences.map { "      " + Self.line(for: $0, style: style) }
        + ignoredLines(entry, style: style)
    }
    section("Missing (declared, not on the platform):", report.missing) { entry in
      [header("+", entry, style: style, paint: style.green)]
    }
    section("Unmanaged (on the platform, in no manifest):", report.unmanaged) { entry in
      [header("?", entry, style: style, paint: style.red)]
    }
    section("Conflicts (names the platform holds more than once):", report.conflicts) { entry in
      [header("!", entry, style: style, paint: style.red)]
        + (entry.message.map { ["      " + $0] } ?? [])
    }
    let quietIgnores = report.inSync.filter { !$0.ignored.isEmpty }
    section("In sync, with ignored differences:", quietIgnores) { entry in
      [header("=", entry, style: style, paint: { $0 })] + ignoredLines(entry, style: style)
    }
    if !report.notes.isEmpty {
      if !lines.isEmpty { lines.append("") }
      for note in report.notes { lines.append(style.dim("Note: \(note)")) }
    }
    if !lines.isEmpty { lines.append("") }
    lines.append(style.bold(Self.summaryLine(report)))
    return lines.joined(separator: "\n")
  }

  func header(
    _ symbol: String, _ entry: DriftEntry, style: Style, paint: (String) -> String
  ) -> String {
    var text = "  " + paint(symbol) + " " + style.bold(VisibleText.of(entry.address.description))
    let extra = entry.sources.filter { $0 != entry.address }
    if !extra.isEmpty { text += " (with " + extra.map(\.description).joined(separator: ", ") + ")" }
    if let location = entry.location {
      text += style.dim("  \(location.file):\(location.line)")
    } else if let id = entry.liveID, entry.status == .unmanaged {
      text += style.dim("  id \(id)")
    }
    return text
  }

  func ignoredLines(_ entry: DriftEntry, style: Style) -> [String] {
    entry.ignored.map { "      " + style.dim(Self.line(for: $0, style: style)) }
  }

  /// `tone: live "strict", declared "friendly"`, with `ignored (reason)` or an explanation.
  static func line(for difference: DriftDifference, style: Style) -> String {
    var text = VisibleText.of(
      "\(difference.field): live \(ValueText.render(difference.live)), "
        + "declared \(ValueText.render(difference.declared))")
    if let reason = difference.reason {
      text += " — ignored (\(reason))"
    } else if let explanation = difference.explanation {
      text += style.dim("  # \(explanation)")
    }
    return text
  }

  /// `Drift: 1 modified, 0 missing, 2 unmanaged; 4 in sync, 1 difference ignored.`
  public static func summaryLine(_ report: DriftReport) -> String {
    let summary = report.summary
    let head = report.hasDrift ? "Drift" : "No drift"
    var text =
      "\(head): \(summary.modified) modified, \(summary.missing) missing, "
      + "\(summary.unmanaged) unmanaged"
    if summary.conflicts > 0 { text += ", \(summary.conflicts) in conflict" }
    text += "; \(summary.inSync) in sync"
    if summary.ignored > 0 {
      text += ", \(summary.ignored) \(summary.ignored == 1 ? "difference" : "differences") ignored"
    }
    return text + "."
  }
}
