import ArgumentParser
import Foundation
import HehoEngine

/// `heho drift`: reports what differs between the manifests and the live platform.
struct DriftCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drift",
    abstract: "Report manual changes: modified, missing and unmanaged resources.",
    discussion: "Exits 0 when there is no drift, 2 when there is, 1 on error.")

  @OptionGroup var project: ProjectOptions

  @Option(name: .long, help: "text, json, markdown or junit.")
  var output: ReportFormat = .text

  @Option(name: .long, help: "Also write the report to this file (in the --output format).")
  var reportFile: String?

  func run() async throws {
    let console = ConsoleContext.current
    var options = project.planOptions
    options.prune = false
    options.allowDataLoss = true
    let report = try await CommandSession.with(project) { session in
      let plan = try await PlanRunner.plan(session, options: options)
      let invalid = plan.problems.filter { $0.kind == .invalid }
      guard invalid.isEmpty else {
        for problem in invalid { console.err("error: \(problem)") }
        throw ExitCode.failure
      }
      return DriftReport(plan: plan, state: session.state)
    }
    let text = try render(report, console: console)
    console.out(text)
    try ReportFile(path: reportFile, what: "the drift report").write(text)
    if report.hasDrift { throw ExitCode(2) }
  }

  /// The report in the chosen format; a failure to render (JSON encoding) is a reported error.
  func render(_ report: DriftReport, console: Console) throws -> String {
    try ReportOutput.render(
      report, as: output, with: .drift(color: ReportOutput.color(console)))
  }
}
