import HehoManifest

/// Renders a plan for people, Terraform-like: a symbol per operation, field-level
/// `before → after`, then refusals, a summary line and the API cost.
public struct TextRenderer: Sendable {
  /// Whether to use ANSI colors.
  public var color: Bool

  /// Creates a renderer.
  public init(color: Bool) {
    self.color = color
  }

  /// The plan as text (no trailing newline).
  public func render(_ plan: Plan) -> String {
    let style = Style(color: color)
    var lines: [String] = []
    let changes = plan.changes
    if changes.isEmpty {
      lines.append("No changes. The live platform matches the manifests.")
    } else {
      lines.append("heho will perform these actions:")
      for operation in changes {
        lines.append("")
        lines.append(contentsOf: render(operation, style: style))
      }
    }
    if !plan.unmanaged.isEmpty {
      lines.append("")
      lines.append("Unmanaged (on the platform, in no manifest):")
      for entry in plan.unmanaged {
        let fate = entry.pruned ? "deleted: the project prunes" : "kept: set prune: true to delete"
        lines.append("  ? \(entry.address) (id \(entry.liveID)) — \(fate)")
      }
    }
    if !plan.notes.isEmpty {
      lines.append("")
      for note in plan.notes { lines.append(style.dim("Note: \(note)")) }
    }
    if !plan.problems.isEmpty {
      lines.append("")
      lines.append(
        style.red(style.bold("Refused: nothing will be applied until these are resolved:")))
      for problem in plan.problems { lines.append(style.red("  ✗ \(problem)")) }
    }
    lines.append("")
    lines.append(style.bold(TextRenderer.summaryLine(plan.summary)))
    lines.append(TextRenderer.costLine(plan.api))
    return lines.joined(separator: "\n")
  }

  func render(_ operation: PlannedOperation, style: Style) -> [String] {
    let action = operation.action
    var lines: [String] = []
    var header = "  # \(operation.address) \(action.phrase)"
    if let old = operation.renamedFrom, action == .update {
      header = "  # \(operation.address) will be renamed in place from '\(old)'"
    }
    if !operation.reasons.isEmpty {
      header += " (" + operation.reasons.joined(separator: "; ") + ")"
    }
    lines.append(style.dim(header))
    let extra = operation.sources.filter { $0 != operation.address }
    var title =
      action.painted(action.symbol, with: style) + " " + style.bold("\(operation.address)")
    if !extra.isEmpty {
      title += " (with " + extra.map(\.description).joined(separator: ", ") + ")"
    }
    if let records = operation.records {
      title += " (\(records.source.container)): \(records.summary)"
      lines.append("  " + title)
      lines.append(contentsOf: render(records, style: style))
    } else if let migration = operation.migration {
      let verb = migration.resume == nil ? "migrate" : "resume migration of"
      lines.append(
        "  " + action.painted(action.symbol, with: style) + " \(verb) "
          + style.bold("\(operation.address)") + " (\(migration.headline))")
      for change in migration.losslessChanges {
        lines.append("      " + style.dim("# keeps every value: \(change)"))
      }
    } else {
      lines.append("  " + title)
    }
    if operation.records != nil {
      // The records are the changes.
    } else if action == .create, let outline = operation.outline {
      for line in outline { lines.append("      " + style.green("+") + " " + line) }
    } else if action != .delete {
      for change in operation.changes {
        if let old = operation.renamedFrom, change.field == "name" {
          let marker = change.forcesReplacement ? style.magenta("~") : style.yellow("~")
          lines.append("      \(marker) rename \(old) → \(operation.address.name)")
        } else {
          lines.append("      " + render(change, style: style))
        }
      }
    }
    for warning in operation.warnings { lines.append("      " + style.yellow("! \(warning)")) }
    return lines
  }

  /// The most record changes listed one by one; past it, the summary stands for them.
  public static let recordListLimit = 20

  /// One line per record change (`+ key 7: id = 7, name = "Tea"`, `~ key 3: price: 1 → 2`,
  /// `- key 9`), or, past `recordListLimit`, a line saying where they all are.
  func render(_ records: RecordPlan, style: Style) -> [String] {
    guard records.changes.count <= Self.recordListLimit else {
      return [
        style.dim(
          "      # \(RecordPlan.grouped(records.changes.count)) \(records.noun) change: "
            + "each is listed in the JSON plan (heho plan --output json)")
      ]
    }
    return records.changes.map { change in
      let payload = change.payload ?? [:]
      let fields =
        change.action == .add
        ? payload.keys.sorted().map { "\($0) = \(ValueText.renderInline(payload[$0]))" }
        : change.changes.map {
          "\($0.field): \(ValueText.renderInline($0.before)) → \(ValueText.renderInline($0.after))"
        }
      switch change.action {
      case .add:
        return "      " + style.green("+") + " key \(change.key): "
          + fields.joined(separator: ", ")
      case .edit:
        return "      " + style.yellow("~") + " key \(change.key): "
          + fields.joined(separator: ", ")
      case .delete:
        return "      " + style.red("-") + " key \(change.key)"
      }
    }
  }

  func render(_ change: FieldChange, style: Style) -> String {
    let text: String
    switch (change.before, change.after) {
    case (nil, let after):
      text = style.green("+") + " \(change.field) = \(ValueText.render(after))"
    case (let before, nil):
      text = style.red("-") + " \(change.field) = \(ValueText.render(before))"
    case (let before, let after):
      let marker = change.forcesReplacement ? style.magenta("~") : style.yellow("~")
      text =
        "\(marker) \(change.field): \(ValueText.render(before)) → \(ValueText.render(after))"
    }
    guard let explanation = change.explanation else { return text }
    return text + style.dim("  # \(explanation)")
  }

  /// `Plan: 2 to create, 0 to update, 1 to replace, 0 to delete.` (connects named when any).
  public static func summaryLine(_ summary: Plan.Summary) -> String {
    let connect = summary.connect > 0 ? "\(summary.connect) to connect, " : ""
    return "Plan: \(connect)\(summary.create) to create, \(summary.update) to update, "
      + "\(summary.replace) to replace, "
      + (summary.migrate > 0 ? "\(summary.migrate) to migrate, " : "")
      + "\(summary.delete) to delete."
  }

  /// `API: 2 reads made, 5 writes planned.`
  public static func costLine(_ cost: Plan.APICost) -> String {
    let reads = cost.readsMade == 1 ? "1 read" : "\(cost.readsMade) reads"
    let writes = cost.writesPlanned == 1 ? "1 write" : "\(cost.writesPlanned) writes"
    return "API: \(reads) made, \(writes) planned."
  }
}
