import ArgumentParser
import HehoEngine
import HehoManifest
import PlatformKit

/// One run of the conversation tests, as `heho test` and `heho apply --test` make it: the
/// session (a sandbox with `--local`, else the live platforms), the setup, the runner.
struct TestRun: Sendable {
  /// The manifests and platforms (`local`: a throwaway sandbox).
  var project: ProjectOptions
  /// The tests to run by name; all when empty.
  var names: [String] = []
  /// The most conversations at once.
  var parallelism = 4
  /// Whether live platforms that differ from the manifests are refused.
  var requireInSync = false
  /// The judge's endpoint, for rubrics.
  var judgeEndpoint: String?
  /// The model the sandbox answers through, if any.
  var chatEndpoint: String?
  /// A saved plan: only the tests reading something it changes run.
  var affectedBy: String?

  /// The report. Anything that stops the tests before they run is thrown as exit code 2 (the
  /// error already written), never as a failed test.
  func report(console: Console) async throws -> TestReport {
    do {
      return try await CommandSession.with(
        project, prefetchLive: !project.local,
        embedded: .sandbox(chatEndpoint: chatEndpoint), probeLocalExtras: !project.local
      ) { session in
        var tests = try TestSelection(names: names).tests(in: session.state)
        if let affectedBy {
          tests = try Self.affected(tests, by: affectedBy, session: session)
          if tests.isEmpty { console.err("No test reads anything \(affectedBy) changes.") }
        }
        let setup = TestSetup(session: session, console: console)
        let (live, outOfSync) =
          project.local
          ? (try await setup.applyToSandbox(), [])
          : try await setup.liveState(options: project.planOptions, requireInSync: requireInSync)
        let runner = ConversationTestRunner(
          provider: session.provider, parallelism: parallelism,
          judge: judgeEndpoint.map(Self.judge))
        return TestReport(
          sandbox: project.local, platforms: session.provider.platforms, outOfSync: outOfSync,
          tests: await runner.run(tests, live: live))
      }
    } catch let code as ExitCode where code == .failure {
      throw ExitCode(2)
    }
  }

  /// The tests reading something the plan saved at `path` changes.
  static func affected(_ tests: [ConversationTest], by path: String, session: CommandSession)
    throws -> [ConversationTest]
  {
    let plan = try SavedPlan.read(path)
    do {
      let items = try session.provider.compile(session.state).items
      return AffectedTests(items: items, kinds: session.provider.kinds).select(
        tests, operations: plan.operations)
    } catch let error as ProviderError {
      throw CommandFailure.report(error.message)
    }
  }

  /// The judge at `endpoint`: its model and key from `HEHO_JUDGE_MODEL` and
  /// `HEHO_JUDGE_API_KEY` (the key redacted like every key).
  static func judge(_ endpoint: String) -> ChatJudge {
    let environment = ProcessEnvironment.current
    let key = environment["HEHO_JUDGE_API_KEY"] ?? ""
    if !key.isEmpty { Secrets.current.add(key) }
    return ChatJudge(
      endpoint: endpoint, model: environment["HEHO_JUDGE_MODEL"] ?? "gpt-4o-mini", apiKey: key)
  }
}
