import ArgumentParser
import HehoEngine
import HehoManifest
import HehoPlatform

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

  /// The report. Anything that stops the tests before they run is thrown as exit code 2 (the
  /// error already written), never as a failed test.
  func report(console: Console) async throws -> TestReport {
    do {
      return try await CommandSession.with(
        project, prefetchLive: !project.local,
        embedded: .sandbox(chatEndpoint: chatEndpoint), probeLocalExtras: !project.local
      ) { session in
        let tests = try TestSelection(names: names).tests(in: session.state)
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
