import Foundation
import LocalServerKit
import Testing

/// Faults never change a conversation test's verdict: seeded runs of the example tests
/// (`examples/omnichannel` on all three platforms, and `examples/broken-prompt`, whose test
/// fails), each against a local platform that injects 429s, 5xx, dropped connections and
/// commit-then-fail while `heho test` runs, must give exactly the verdicts of a run without
/// faults: each test's status and each check's. The platform's counts show that the faults hit
/// the conversations, and a run with retries off shows that the comparison catches a change.
@Suite struct ConversationReliabilityTests {
  /// Scenarios per run (`HEHO_CONVERSATION_SCENARIOS`).
  static let defaultCount = 100
  /// A run of this many scenarios or more must show every fault kind firing at least `floor`
  /// times on each platform's chat route, and `labeledFloor` times on the conversations'
  /// requests (turns and checks). Seeds 1 to 100 show at least 3 and 32; seeds 101 to 400, 15
  /// and 115: the floors leave room for arrival order, which moves faults between requests.
  static let coverageCount = 100
  static let floor = 2
  static let labeledFloor = 20
  static let lanes = 6

  /// The repository's examples, copied once: every scenario reads the same projects.
  static func copyExamples() throws -> URL {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")
    let copy = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-conversation-reliability-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
    for example in ConversationScenario.examples {
      try FileManager.default.copyItem(
        at: source.appendingPathComponent(example), to: copy.appendingPathComponent(example))
    }
    return copy
  }

  /// The verdicts without faults, on a platform of their own; they must be the examples'
  /// known ones (omnichannel's four tests pass, the broken prompt's fails), so a run whose
  /// reference went wrong cannot pass by agreeing with it.
  static func reference(_ examples: URL) async throws -> [String: ConversationVerdicts] {
    let platform = try await LocalPlatform.start(.init(rateLimit: 0))
    let outcome = await ConversationScenarioRun.verdicts(
      .make(seed: 0), faults: .none, on: platform, examples: examples)
    try await platform.shutdown()
    try #require(outcome.problems.isEmpty, "\(outcome.problems)")
    let omnichannel = try #require(outcome.verdicts["omnichannel"])
    let broken = try #require(outcome.verdicts["broken-prompt"])
    for test in [
      "helpdesk-returns", "helpdesk-lead", "shop-assistant-prices", "website-chat-returns",
    ] {
      try #require(omnichannel.lines.contains("\(test): passed"), "\(omnichannel)")
    }
    try #require(omnichannel.lines.first == "exit code 0", "\(omnichannel)")
    try #require(broken.lines.contains("website-chat-returns: failed"), "\(broken)")
    try #require(broken.lines.first == "exit code 1", "\(broken)")
    return outcome.verdicts
  }

  @Test(.timeLimit(.minutes(10)))
  func faultsNeverChangeAVerdict() async throws {
    let scenarios = try ScenarioLanes.seeds(
      "HEHO_CONVERSATION_SCENARIOS", count: Self.defaultCount, minimum: 1
    ).map { ConversationScenario.make(seed: $0) }
    let examples = try Self.copyExamples()
    defer { try? FileManager.default.removeItem(at: examples) }
    let reference = try await Self.reference(examples)
    let outcomes = try await ScenarioLanes.run(scenarios, lanes: Self.lanes) {
      await ConversationScenarioRun.run($0, on: $1, examples: examples, reference: reference)
    }
    #expect(outcomes.count == scenarios.count)
    for outcome in outcomes.sorted(by: { $0.seed < $1.seed }) {
      ScenarioLanes.record(
        "conversation", seed: outcome.seed, problems: outcome.problems,
        variable: "HEHO_CONVERSATION_SCENARIOS", rerun: 1)
    }
    let coverage = ConversationCoverage(
      outcomes, floor: Self.floor, labeledFloor: Self.labeledFloor)
    print("conversation tests under faults: \(coverage)")
    if scenarios.count >= Self.coverageCount {
      for problem in coverage.problems {
        Issue.record(Comment(rawValue: "\(problem) in \(outcomes.count) scenarios"))
      }
    }
  }

  /// The comparison can fail: the same scenarios with the client's retries refused on the
  /// conversations' requests turn a fault on a turn or a check into an error, and the
  /// comparison must report it; with retries on, the same scenarios pass.
  @Test(.timeLimit(.minutes(5)))
  func theComparisonCatchesAFaultThatChangedAVerdict() async throws {
    let scenarios = (1...6).map { ConversationScenario.make(seed: UInt64($0)) }
    let examples = try Self.copyExamples()
    defer { try? FileManager.default.removeItem(at: examples) }
    let reference = try await Self.reference(examples)
    async let brokenRun = ScenarioLanes.run(scenarios, lanes: 1) {
      await ConversationScenarioRun.run(
        $0, on: $1, examples: examples, reference: reference,
        registry: ConversationRetriesOff.registry)
    }
    async let safeRun = ScenarioLanes.run(scenarios, lanes: 1) {
      await ConversationScenarioRun.run($0, on: $1, examples: examples, reference: reference)
    }
    let (broken, safe) = try await (brokenRun, safeRun)
    let caught = broken.filter { !$0.problems.isEmpty }
    let hit = ConversationCoverage(broken).conversationsHit
    #expect(hit > 0, "no fault hit a conversation with retries off: the run proves nothing")
    #expect(
      !caught.isEmpty,
      "faults hit \(hit) conversations with retries off, and the comparison reported nothing")
    // A fault on a conversation's request is an error with retries off: exactly the scenarios
    // whose conversations met one must be reported, each as verdicts that differ.
    for outcome in broken {
      let met = outcome.faultsByOperation.keys.contains { $0.hasPrefix("test ") }
      #expect(
        met == !outcome.problems.isEmpty,
        "seed \(outcome.seed): faults on its conversations \(met), reported \(outcome.problems)")
      #expect(outcome.problems.allSatisfy { $0.contains("differ") }, "\(outcome.problems)")
    }
    let problems = safe.flatMap(\.problems)
    #expect(problems.isEmpty, "\(problems)")
    print(
      "conversation comparison check: \(scenarios.count) scenarios; with retries off \(hit) "
        + "conversations met a fault and \(caught.count) scenarios were reported; with retries "
        + "on \(problems.count) problems")
  }

  /// The comparison looks at every check: one check's verdict flipped is a difference, named.
  @Test func oneFlippedCheckIsADifference() throws {
    let report = """
      {"tests": [{"name": "t", "status": "passed", "runs": [{"run": 1, "status": "passed",
        "turns": [{"turn": 1, "checks": [{"check": "contains", "status": "passed"},
        {"check": "citesDocument", "status": "passed"}]}]}]}]}
      """
    let reference = try ConversationVerdicts.read(exitCode: 0, json: report).get()
    let flipped = try ConversationVerdicts.read(
      exitCode: 0,
      json: report.replacingOccurrences(
        of: #""citesDocument", "status": "passed""#, with: #""citesDocument", "status": "failed""#)
    ).get()
    #expect(reference.checks == 2)
    #expect(flipped != reference)
    #expect(
      flipped.differences(from: reference) == [
        "expected t run 1 turn 1 citesDocument: passed", "got t run 1 turn 1 citesDocument: failed",
      ])
  }
}
