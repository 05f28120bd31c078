import ArgumentParser
import Foundation
import HehoEngine
import HehoManifest

/// `heho test`: runs the project's conversation tests, on a throwaway local platform
/// (`--local`) or against the live platforms as they are.
struct TestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test", abstract: "Run the conversation tests (ConversationTest manifests).",
    discussion: """
      With --local, the manifests are applied to a fresh, throwaway local platform and the \
      tests run there: no credentials, no network, the same answers every time. Without it, \
      the tests run against the live platforms as they are; heho plans first and names any \
      resource that differs from the manifests. Exit codes: 0 every test passed; 1 a test \
      failed; 2 the tests could not all run (invalid tests, an unreachable platform, a missing \
      key, a test not runnable on its platform, or a check not checkable there).
      """)

  @Argument(help: "Run only these tests (metadata.name); all when none is named.")
  var names: [String] = []

  @OptionGroup var project: ProjectOptions

  @Option(name: .long, help: "The most conversations at once (turns of one stay in order).")
  var parallelism: Int = 4

  @Option(name: .long, help: "text, json, junit or markdown.")
  var output: ReportFormat = .text

  @Flag(name: .long, help: "Refuse to run when the live platforms differ from the manifests.")
  var requireInSync = false

  @Option(
    name: .long,
    help: "An OpenAI-compatible chat endpoint that grades `rubric` checks (URL/chat/completions).")
  var judgeEndpoint: String?

  @Option(
    name: .long,
    help: "With --local: the sandbox's chats answer through this OpenAI-compatible server.")
  var chatEndpoint: String?

  @Flag(
    name: .long,
    help:
      "List what no test covers (chatbots, bots and agents no test targets, documents none cites, webhooks none expects) instead of running the tests."
  )
  var coverage = false

  @Option(
    name: .long,
    help:
      "Run only the tests whose target, or anything it reads, this saved plan (heho plan --out) changes."
  )
  var affected: String?

  func validate() throws {
    guard parallelism >= 1 else { throw ValidationError("--parallelism must be at least 1") }
    try ReportOutput.check(output, offered: ReportRenderers<TestReport>.test(color: false).formats)
    if coverage && ![.text, .json].contains(output) {
      throw ValidationError("--coverage is written as text or json")
    }
    if chatEndpoint != nil && !project.local {
      throw ValidationError(
        "--chat-endpoint sets how the sandbox answers; it needs --local (a live platform "
          + "answers with its own model)")
    }
    if requireInSync && project.local {
      throw ValidationError(
        "--require-in-sync checks the live platforms; with --local the sandbox is built from "
          + "the manifests and is always in sync")
    }
    for url in [judgeEndpoint, chatEndpoint].compactMap({ $0 }) {
      guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? "") else {
        throw ValidationError("'\(url)' is not an http(s) URL")
      }
    }
  }

  func run() async throws {
    let console = ConsoleContext.current
    if coverage {
      let found: TestCoverage
      do {
        found = try await CoverageRun(project: project).coverage()
      } catch let code as ExitCode where code == .failure {
        throw ExitCode(2)
      }
      console.out(
        output == .json
          ? try JSONText.encode(found, what: "the coverage") : CoverageRun.text(found))
      return
    }
    let run = TestRun(
      project: project, names: names, parallelism: parallelism, requireInSync: requireInSync,
      judgeEndpoint: judgeEndpoint, chatEndpoint: chatEndpoint, affectedBy: affected)
    let report = try await run.report(console: console)
    console.out(
      try ReportOutput.render(
        report, as: output, with: .test(color: ReportOutput.color(console))))
    if report.exitCode != 0 { throw ExitCode(report.exitCode) }
  }
}
