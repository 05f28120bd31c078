/// Renders a plan as Markdown for a pull-request comment: summary, a table of operations,
/// refusals, and the field-level diff in a collapsible block.
public struct MarkdownRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// The plan as Markdown.
  public func render(_ plan: Plan) -> String {
    var lines: [String] = []
    let environment = plan.environment.map { " (\(escape($0)))" } ?? ""
    lines.append("### heho plan: \(escape(plan.project))\(environment)")
    lines.append("")
    lines.append("**\(TextRenderer.summaryLine(plan.summary))** \(TextRenderer.costLine(plan.api))")
    let changes = plan.changes
    if !changes.isEmpty {
      lines.append("")
      lines.append("| | resource | action | why |")
      lines.append("|---|---|---|---|")
      for operation in changes {
        let why = (operation.reasons + operation.warnings).joined(separator: "; ")
        lines.append(
          "| `\(operation.action.symbol)` | `\(operation.address)` | \(operation.action.rawValue) | "
            + escape(why) + " |")
      }
    }
    if !plan.unmanaged.isEmpty {
      lines.append("")
      lines.append(
        "**Unmanaged:** " + plan.unmanaged.map { "`\($0.address)`" }.joined(separator: ", "))
    }
    if !plan.problems.isEmpty {
      lines.append("")
      lines.append("> [!CAUTION]")
      lines.append("> **Refused** — nothing will be applied until these are resolved:")
      for problem in plan.problems { lines.append("> - " + escape(problem.description)) }
    }
    if !changes.isEmpty {
      lines.append("")
      lines.append("<details><summary>Field changes</summary>")
      lines.append("")
      lines.append("```diff")
      let text = TextRenderer(color: false)
      for operation in changes {
        lines.append(contentsOf: text.render(operation, style: Style(color: false)))
      }
      lines.append("```")
      lines.append("</details>")
    }
    for note in plan.notes {
      lines.append("")
      lines.append("_Note: \(escape(note))_")
    }
    return lines.joined(separator: "\n")
  }

  func escape(_ text: String) -> String {
    MarkdownText.escape(text)
  }
}
