import Foundation
import LocalServerKit

/// A failed scenario as text: the seed, how to rerun it, and everything needed to rebuild it by
/// hand (manifests, the live state made before heho ran, fault settings), then what happened.
enum Reproduction {
  static func text(_ outcome: ScenarioOutcome) -> String {
    let scenario = outcome.scenario
    var lines = [
      "reliability scenario seed \(scenario.seed) failed:",
      outcome.problems.map { "  - " + $0 }.joined(separator: "\n"),
      "rerun: HEHO_RELIABILITY_SEED=\(scenario.seed) swift test --filter Reliability",
      "",
      "manifests:",
    ]
    for file in ManifestWriter.files(for: scenario) {
      lines.append("--- \(file.name)")
      lines.append(file.text)
    }
    lines.append("live state made through the API before heho ran (in this order):")
    for live in scenario.liveTables {
      let columns = live.table.columns.map { column in
        "\(column.name) \(column.spelling)" + (column.primaryKey ? " primaryKey" : "")
          + (column.notNull ? " notNull" : "")
      }
      lines.append(
        "  table \(live.table.name) (\(columns.joined(separator: ", "))) + \(live.rows) rows")
    }
    for chatbot in scenario.liveChatbots {
      lines.append(
        "  chatbot \(chatbot.name) goal=\(chatbot.goal) model=\(chatbot.model) "
          + "tone=\(chatbot.tone ?? "-") theme=\(chatbot.theme ?? "-") "
          + "slots=[\(chatbot.access.map(\.description).joined(separator: " "))]")
    }
    lines.append("observed before heho ran:\n\(outcome.initial)")
    lines.append("observed at the end:\n\(outcome.final)")
    lines.append("faults: \(describe(scenario.faults)) (seed + N for apply run N)")
    if let storm = scenario.stormRate {
      lines.append("fault storm: rate \(String(format: "%.3f", storm)) on apply run 1")
    }
    lines.append("command: heho \(scenario.applyArguments.joined(separator: " ")) (up to 3 runs)")
    for run in outcome.runs {
      lines.append(
        "--- heho \(run.arguments.prefix(while: { $0 != "-f" }).joined(separator: " ")) → exit \(run.code)"
      )
      lines.append(String(run.all.suffix(3000)))
    }
    return lines.joined(separator: "\n")
  }

  static func describe(_ faults: FaultConfiguration) -> String {
    let kinds = faults.kinds.map(\.commandLineName).sorted().joined(separator: ",")
    return "rate \(String(format: "%.3f", faults.rate)), kinds \(kinds), latency "
      + "\(faults.latencyMilliseconds) ms, seed \(faults.seed), Retry-After \(faults.retryAfterSeconds) s"
  }
}
