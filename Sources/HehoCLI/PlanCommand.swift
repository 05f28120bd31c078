import ArgumentParser
import Foundation
import HehoEngine

/// `heho plan`: shows what apply would change on the live platform.
struct PlanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan", abstract: "Show what apply would change on the live platform.")

  @OptionGroup var project: ProjectOptions

  @Option(name: .long, help: "Save the plan (JSON) to apply later with `heho apply FILE`.")
  var out: String?

  @Option(name: .long, help: "text, json or markdown.")
  var output: ReportFormat = .text

  func validate() throws {
    try ReportOutput.check(output, offered: ReportRenderers<Plan>.plan(color: false).formats)
  }

  @Flag(name: .long, help: "Exit 0 with no changes, 2 with changes, 1 on error.")
  var detailedExitcode = false

  func run() async throws {
    let console = ConsoleContext.current
    let options = project.planOptions
    let plan = try await CommandSession.with(project) { session in
      try await PlanRunner.plan(session, options: options, migrations: project.migrationStore)
    }
    console.out(try PlanRunner.render(plan, as: output, console: console))
    if let out { try save(plan, to: out, console: console) }
    if !plan.problems.isEmpty { throw ExitCode.failure }
    if detailedExitcode && plan.summary.hasChanges { throw ExitCode(2) }
  }

  /// Writes the plan file through the run's redaction, as report files are. A plan that held a
  /// secret (a key or a webhook secret's value in a field that is not write-only) is saved
  /// redacted and reported as an error: applied, it would write `[redacted]` to the platform.
  func save(_ plan: Plan, to out: String, console: Console) throws {
    let text: String
    do {
      text = try PlanCodec.string(plan)
    } catch {
      throw CommandFailure.report(
        "cannot encode the plan for \(out): \(error); this is a bug in heho, please report it")
    }
    let redacted = Secrets.current.redact(text)
    do {
      try Data(redacted.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
    } catch {
      throw CommandFailure.report(
        "cannot write the plan to \(out): \(error.localizedDescription); check that its "
          + "directory exists and is writable")
    }
    guard redacted == text else {
      throw CommandFailure.report(
        "the plan holds a secret of this run (an API key, or a value of a webhook secret's "
          + "environment variable) in a field that is not write-only; \(out) was saved with it "
          + "[redacted] and must not be applied: keep secrets in write-only fields "
          + "(secret: ${env.NAME}) and plan again")
    }
    console.err("Saved the plan to \(out); apply it with: heho apply \(out)")
  }
}

/// Planning and rendering shared by plan and apply.
enum PlanRunner {
  /// Plans, turning provider errors into a reported failure.
  static func plan(
    _ session: CommandSession, options: PlanOptions, migrations: (any MigrationStore)? = nil
  ) async throws -> Plan {
    do {
      let planner = Planner(provider: session.provider, options: options, migrations: migrations)
      guard let prefetched = session.live else { return try await planner.plan(session.state) }
      return try await planner.plan(session.state) { try await prefetched.value }
    } catch let error as ProviderError {
      throw CommandFailure.report(error.message)
    } catch let error as MigrationStoreError {
      throw CommandFailure.report(error.message)
    }
  }

  /// The plan in the chosen format; a failure to render (JSON encoding) is a reported error.
  static func render(_ plan: Plan, as format: ReportFormat, console: Console) throws -> String {
    try ReportOutput.render(plan, as: format, with: .plan(color: ReportOutput.color(console)))
  }
}
