/// Renders a plan as Markdown for a pull-request comment: summary, a table of operations,
/// refusals, and the field-level diff in a collapsible block.
///
/// A plan whose Markdown would pass `MarkdownBudget.limit` (GitHub's comment limit, with a
/// margin) is rendered compact: the summary, the counts by platform and action, the refusals,
/// as many operations as fit, and how many were left out.
public struct MarkdownRenderer: Sendable, MarkdownCommentRenderer {
  /// The largest Markdown it writes.
  public var limit: Int

  /// Creates a renderer.
  public init(limit: Int = MarkdownBudget.limit) {
    self.limit = limit
  }

  /// The plan as Markdown, within `limit`.
  public func render(_ plan: Plan) -> String {
    renderWithinLimit(plan)
  }

  /// The compact form: everything but the field changes, the operations cut to fit.
  func renderCompact(_ plan: Plan) -> String {
    var budget = MarkdownBudget(limit: limit)
    budget.keep([
      Self.title(plan), "",
      "**\(TextRenderer.summaryLine(plan.summary))** \(TextRenderer.costLine(plan.api))", "",
      // A migration counts as a replace that keeps its records.
      "| platform | connect | create | update | replace | delete |", "|---|---|---|---|---|---|",
    ])
    let platforms = Set(plan.changes.map(\.platform)).sorted()
    for platform in platforms {
      let summary = Plan.Summary(plan.changes.filter { $0.platform == platform })
      budget.keep([
        "| \(escape(platform)) | \(summary.connect) | \(summary.create) | \(summary.update) | "
          + "\(summary.replace + summary.migrate) | \(summary.delete) |"
      ])
    }
    if !plan.problems.isEmpty {
      budget.keep([
        "", "> [!CAUTION]", "> **Refused** — nothing will be applied until these are resolved:",
      ])
    }
    var shownProblems = 0
    for problem in plan.problems where budget.add("> - " + escape(problem.description)) {
      shownProblems += 1
    }
    budget.keep(["", "| | resource | action | why |", "|---|---|---|---|"])
    var shown = 0
    for operation in plan.changes {
      let why = (operation.reasons + operation.warnings).joined(separator: "; ")
      let row =
        "| `\(operation.action.symbol)` | `\(operation.address)` | \(actionText(operation)) | "
        + escape(why) + " |"
      guard budget.add(row) else { break }
      shown += 1
    }
    let leftOut = plan.changes.count - shown
    let problemsLeftOut = plan.problems.count - shownProblems
    budget.keep([
      "",
      "_This plan is too long for a comment: \(leftOut) of \(plan.changes.count) changes"
        + (problemsLeftOut > 0 ? " and \(problemsLeftOut) refusals" : "")
        + " and every field change were left out. The full plan is in `heho plan` (text) or "
        + "`heho plan --output json`; the CI example uploads it as an artifact._",
    ])
    return budget.text
  }

  /// The whole plan, whatever its size.
  func renderFull(_ plan: Plan) -> String {
    var lines = [Self.title(plan), ""]
    lines.append("**\(TextRenderer.summaryLine(plan.summary))** \(TextRenderer.costLine(plan.api))")
    let changes = plan.changes
    // Changes on several platforms are grouped by platform, each with its own counts.
    let groups = Self.byPlatform(changes)
    for (platform, operations) in groups {
      lines.append("")
      if groups.count > 1 {
        let endpoint = plan.platforms.first { $0.name == platform }?.endpoint
        let summary = Plan.Summary(operations)
        lines.append(
          "#### \(escape(platform))" + (endpoint.map { " (\(escape($0)))" } ?? "") + ": "
            + "\(summary.create) to create, \(summary.update) to update, "
            + "\(summary.replace) to replace, "
            + (summary.migrate > 0 ? "\(summary.migrate) to migrate, " : "")
            + "\(summary.delete) to delete")
        lines.append("")
      }
      lines.append("| | resource | action | why |")
      lines.append("|---|---|---|---|")
      for operation in operations {
        let why = (operation.reasons + operation.warnings).joined(separator: "; ")
        lines.append(
          "| `\(operation.action.symbol)` | `\(operation.address)` | \(actionText(operation)) | "
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
      for (platform, operations) in groups {
        if groups.count > 1 { lines.append("# \(platform)") }
        for operation in operations {
          lines.append(contentsOf: text.render(operation, style: Style(color: false)))
        }
      }
      lines.append("```")
      lines.append("</details>")
    }
    lines += MarkdownText.notes(plan.notes)
    return lines.joined(separator: "\n")
  }

  /// `### heho plan: PROJECT (ENVIRONMENT)`.
  static func title(_ plan: Plan) -> String {
    MarkdownText.title("plan", project: plan.project, environment: plan.environment)
  }

  /// `operations` by platform, platforms by name, each in plan order.
  static func byPlatform(_ operations: [PlannedOperation]) -> [(String, [PlannedOperation])] {
    let groups = Dictionary(grouping: operations, by: \.platform)
    return groups.keys.sorted().map { ($0, groups[$0] ?? []) }
  }

  /// The action, and for a rename the old name (`update: rename old → new`).
  func actionText(_ operation: PlannedOperation) -> String {
    if let records = operation.records {
      return operation.action.rawValue + ": " + escape(records.summary)
    }
    if let migration = operation.migration {
      return (migration.resume == nil ? "migrate" : "resume migration") + ": "
        + escape(migration.headline)
    }
    guard let old = operation.renamedFrom else { return operation.action.rawValue }
    return operation.action.rawValue + ": rename " + escape(old) + " → "
      + escape(operation.address.name)
  }

  func escape(_ text: String) -> String {
    MarkdownText.escape(text)
  }
}
