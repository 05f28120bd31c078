import HehoEngine
import HehoManifest

/// Gets the platforms ready for a test run: the sandbox built from the manifests
/// (`heho test --local`), or the live platforms checked against them.
struct TestSetup: Sendable {
  /// The session: manifests, platforms, embedded sandbox.
  var session: CommandSession
  /// Where progress and warnings go (standard error: the report is standard output).
  var console: Console

  /// Applies the desired state to the throwaway platform the session started, and returns its
  /// live state. A failed write means the tests cannot run (exit 2), and says which.
  func applyToSandbox() async throws -> LiveState {
    let migrations = InMemoryMigrationStore()
    let plan = try await PlanRunner.plan(session, options: PlanOptions(), migrations: migrations)
    guard plan.isApplicable else {
      throw CommandFailure.report(
        "the manifests cannot be applied to a fresh platform: "
          + plan.problems.map(\.message).joined(separator: "; "))
    }
    let report = await Executor(provider: session.provider, migrations: migrations).apply(plan)
    guard report.succeeded else {
      let first = report.failed.first.map { "at \($0.address): \($0.message)" }
      throw CommandFailure.report(
        "setting up the sandbox failed \(first ?? "(\(report.summaryLine))")")
    }
    console.err("Sandbox: a throwaway local platform. \(report.summaryLine)")
    return try await read()
  }

  /// The live state now, after planning against it: resources that differ from the manifests
  /// are named on standard error (the tests run against them as they are), or refused with
  /// `requireInSync`.
  func liveState(options: PlanOptions, requireInSync: Bool) async throws
    -> (LiveState, [ResourceAddress])
  {
    let plan = try await PlanRunner.plan(session, options: options)
    let differing = plan.operations.filter { $0.action != .noop }.map(\.address)
    if !differing.isEmpty {
      let list = differing.map(\.description).joined(separator: ", ")
      if requireInSync {
        throw CommandFailure.report(
          "the live platforms differ from the manifests (\(list)); run heho apply, or drop "
            + "--require-in-sync to test them as they are")
      }
      console.err(
        "warning: the live platforms differ from the manifests (\(list)); the tests run "
          + "against them as they are")
    }
    return (try await read(), differing)
  }

  private func read() async throws -> LiveState {
    do {
      return try await session.provider.fetchLiveState()
    } catch let error as ProviderError {
      throw CommandFailure.report(error.message)
    }
  }
}
