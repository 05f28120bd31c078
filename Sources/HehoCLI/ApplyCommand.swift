import ArgumentParser
import Foundation
import HehoEngine

/// `heho apply`: plans (or reads a saved plan), confirms, and makes the changes.
struct ApplyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apply", abstract: "Make the live platform match the manifests.")

  @Argument(help: "A plan saved with `heho plan --out FILE`; without it, apply plans first.")
  var planFile: String?

  @OptionGroup var project: ProjectOptions

  @Flag(name: .long, help: "Apply without asking for confirmation (for CI).")
  var autoApprove = false

  @Option(name: .long, help: "The most operations running at once.")
  var parallelism: Int = 8

  @Option(
    name: .long,
    help:
      "Also write a JSON report of what apply did (counts in all and per platform, every step) to this file."
  )
  var reportFile: String?

  @Flag(
    name: .long,
    help:
      "First run the conversation tests on a throwaway local platform (heho test --local); refuse before any write unless every test passes."
  )
  var test = false

  func validate() throws {
    guard parallelism >= 1 else { throw ValidationError("--parallelism must be at least 1") }
  }

  func run() async throws {
    let console = ConsoleContext.current
    let options = project.planOptions
    let reportFile = ReportFile(path: reportFile, what: "the apply report")
    let tests = test ? try await runTests(console, reportFile: reportFile) : nil
    let (report, endpoints) = try await CommandSession.with(
      project, prefetchLive: planFile == nil
    ) { session -> (ApplyReport?, [PlatformEndpoint]) in
      let plan = try await planToApply(session, options: options)
      console.out(try PlanRunner.render(plan, as: .text, console: console))
      guard plan.isApplicable else {
        let message = "the plan has refusals (listed above); nothing was applied"
        var document = ApplyReportDocument.refused(message, platforms: plan.platforms)
        document.tests = tests
        try reportFile.write(json: document)
        throw CommandFailure.report(message)
      }
      guard plan.summary.hasChanges else { return (nil, plan.platforms) }
      try confirm(console)
      let progress = ApplyProgress(console: console)
      let executor = Executor(
        provider: session.provider, parallelism: parallelism, migrations: project.migrationStore)
      let interrupt = ApplyInterrupt()
      let signals = ApplySignals(interrupt: interrupt, console: console)
      defer { signals.stop() }
      var report = await executor.apply(plan, interrupt: interrupt) { progress.show($0) }
      signals.stop()
      if !report.interrupted {
        report.mismatches = try await verify(session, report: report)
      }
      return (report, plan.platforms)
    }
    let finished = report ?? ApplyReport(operations: [], records: [])
    ApplyProgress(console: console).summarize(finished)
    var document = ApplyReportDocument(report, platforms: endpoints)
    document.tests = tests
    try reportFile.write(json: document)
    guard let report else { return }
    if report.interrupted { throw ExitCode(130) }
    if !report.succeeded { throw ExitCode.failure }
  }

  func planToApply(_ session: CommandSession, options: PlanOptions) async throws -> Plan {
    guard let planFile else {
      return try await PlanRunner.plan(
        session, options: options, migrations: project.migrationStore)
    }
    let plan = try SavedPlan.read(planFile)
    let planned = Set(plan.platforms)
    let now = Set(session.provider.platforms)
    let sameNames = Set(planned.map(\.name)) == Set(now.map(\.name))
    guard planned == now || project.local && sameNames else {
      let describe = { (platforms: Set<PlatformEndpoint>) in
        platforms.sorted().map { "\($0.name) at \($0.endpoint)" }.joined(separator: ", ")
      }
      throw CommandFailure.report(
        "\(planFile) was planned against \(describe(planned)); this run uses "
          + "\(describe(now)); run heho plan again")
    }
    let current: String
    do {
      current = try await Planner(provider: session.provider).currentFingerprint(for: plan)
    } catch let error as ProviderError {
      throw CommandFailure.report(error.message)
    }
    guard current == plan.fingerprint else {
      throw CommandFailure.report(
        "the live state changed since the plan was made (fingerprint \(plan.fingerprint), now "
          + "\(current)); run heho plan again")
    }
    // A plan file holds no write-only value (a webhook's secret): compiling the manifests
    // again gives the providers this run's values, read from the environment.
    do {
      _ = try session.provider.compile(session.state)
    } catch let error as ProviderError {
      throw CommandFailure.report(error.message)
    }
    return plan
  }

  /// Reads back what apply wrote; every field the platform did not keep as written.
  func verify(_ session: CommandSession, report: ApplyReport) async throws -> [ApplyMismatch] {
    do {
      return try await ApplyVerifier(provider: session.provider).verify(
        session.state, report: report)
    } catch let error as ProviderError {
      ApplyProgress(console: ConsoleContext.current).summarize(report)
      throw CommandFailure.report(
        "the writes were made, but reading them back to verify failed: \(error.message); run "
          + "heho plan to check")
    }
  }

  func confirm(_ console: Console) throws {
    if autoApprove { return }
    guard console.isTerminal else {
      throw CommandFailure.report(
        "apply needs confirmation and there is no terminal to ask on; "
          + "pass --auto-approve to apply without asking")
    }
    console.out("\nDo you want to apply these changes? Only 'yes' is accepted.")
    console.out("  Enter a value: ")
    guard console.readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
      throw CommandFailure.report("apply cancelled; nothing was changed")
    }
  }

  /// `heho test --local` on the manifests about to be applied: the tests' report on the
  /// console, and their counts for the apply report. Anything but every test passing refuses
  /// the apply before it reads or writes a platform.
  func runTests(_ console: Console, reportFile: ReportFile) async throws -> TestReport.Summary {
    var sandbox = project
    sandbox.local = true
    let report: TestReport
    do {
      report = try await TestRun(project: sandbox).report(console: console)
    } catch {
      let message = "the conversation tests could not run (above); nothing was applied"
      try reportFile.write(json: ApplyReportDocument.refused(message, platforms: []))
      throw CommandFailure.report(message)
    }
    console.out(TestTextRenderer(color: ReportOutput.color(console)).render(report) + "\n")
    guard report.exitCode == 0 else {
      let message =
        "the conversation tests did not all pass on the configuration about to be applied "
        + "(\(report.summary.passed) of \(report.summary.tests) passed); nothing was applied"
      var document = ApplyReportDocument.refused(message, platforms: [])
      document.tests = report.summary
      try reportFile.write(json: document)
      throw CommandFailure.report(message)
    }
    return report.summary
  }
}
