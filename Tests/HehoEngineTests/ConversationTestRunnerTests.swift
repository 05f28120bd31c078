import HehoEngine
import HehoManifest
import Testing

@Suite("Conversation test runner")
struct ConversationTestRunnerTests {
  static let here = SourceLocation(file: "tests.yaml", line: 1, column: 1)

  static func test(
    _ name: String, bot: String = "helpdesk", runs: Int = 1, minPassRate: Double = 1,
    _ turns: [ConversationTurn]
  ) -> ConversationTest {
    ConversationTest(
      name: name, target: ResourceAddress(kind: "bot", name: bot), runs: runs,
      minPassRate: minPassRate, turns: turns, location: here)
  }

  static func live(_ names: String...) -> LiveState {
    LiveState(
      resources: names.map {
        LiveResource(address: ResourceAddress(kind: "bot", name: $0), id: "id-\($0)", fields: [:])
      }, readsMade: 1)
  }

  static let returns = "How long do I have to return an item?"

  /// The results of one test, `returns`: a single turn asking `returns`, checked by
  /// `expectations`, against a helpdesk that replies `reply` and names `sources`.
  static func askReturns(
    reply: String, sources: [String]? = nil, _ expectations: [TurnExpectation]
  ) async -> [TestResult] {
    let provider = ScriptedProvider([
      "helpdesk": .init(replies: [returns: [reply]], sources: sources)
    ])
    return await ConversationTestRunner(provider: provider).run(
      [test("returns", [ConversationTurn(user: returns, expectations: expectations)])],
      live: live("helpdesk"))
  }

  @Test(
    "every kind of text check passes on a matching reply (case and white space aside), and the report exits 0"
  )
  func passing() async {
    let results = await Self.askReturns(
      reply: "Returns are free within 30\n  days.", sources: ["returns.md"],
      [
        .contains(["30 DAYS", "free  within"]), .notContains(["I don't know"]),
        .matches("(?i)within \\d+\\s+days"), .citesDocument("returns.md"),
      ])
    #expect(results.map(\.status) == [.passed])
    #expect(
      results[0].runs[0].turns[0].checks.map(\.status) == Array(repeating: "passed", count: 4))
    #expect(TestReport(sandbox: true, platforms: [], tests: results).exitCode == 0)
  }

  @Test("a reply missing a text fails the test with what was missing, and the report exits 1")
  func failing() async {
    let results = await Self.askReturns(
      reply: "I don't know.", [.contains(["30 days"]), .notContains(["know"])])
    #expect(results[0].status == .failed)
    let checks = results[0].runs[0].turns[0].checks
    #expect(checks.map(\.status) == ["failed", "failed"])
    #expect(checks[0].detail == "missing \"30 days\"")
    #expect(checks[1].detail == "found \"know\"")
    #expect(TestReport(sandbox: true, platforms: [], tests: results).exitCode == 1)
  }

  @Test("a check the platform cannot make is not checkable: the test is incomplete, never passed")
  func notCheckable() async {
    let results = await Self.askReturns(
      reply: "Returns are free within 30 days.",
      [.contains(["30 days"]), .citesDocument("returns.md"), .rubric("is polite")])
    #expect(results[0].status == .incomplete)
    #expect(
      results[0].runs[0].turns[0].checks.map(\.status) == [
        "passed", "not-checkable", "not-checkable",
      ])
    let report = TestReport(sandbox: false, platforms: [], tests: results)
    #expect(report.summary.passed == 0)
    #expect(report.exitCode == 2)
  }

  @Test("a not-checkable check never hides a failure of another")
  func failureWins() async {
    let results = await Self.askReturns(
      reply: "No idea.", [.citesDocument("returns.md"), .contains(["30"])])
    #expect(results[0].status == .failed)
  }

  @Test("a rubric is graded by the judge, its reason reported")
  func rubric() async {
    let provider = ScriptedProvider([
      "helpdesk": .init(replies: [Self.returns: ["Returns are free within 30 days."]])
    ])
    let test = Self.test(
      "tone",
      [ConversationTurn(user: Self.returns, expectations: [.rubric("mentions the time limit")])])
    let passing = await ConversationTestRunner(provider: provider, judge: WordJudge(word: "30"))
      .run([test], live: Self.live("helpdesk"))
    #expect(passing[0].status == .passed)
    #expect(passing[0].runs[0].turns[0].checks[0].detail == "mentions 30")
    let failing = await ConversationTestRunner(provider: provider, judge: WordJudge(word: "90"))
      .run([test], live: Self.live("helpdesk"))
    #expect(failing[0].status == .failed)
    #expect(failing[0].runs[0].turns[0].checks[0].detail == "never mentions 90")
  }

  @Test("a repeated test passes on its pass rate, and fails below it")
  func passRate() async {
    let replies = ["30 days", "no idea", "30 days", "no idea"]
    func run(_ minPassRate: Double) async -> TestResult {
      let provider = ScriptedProvider(["helpdesk": .init(replies: [Self.returns: replies])])
      return await ConversationTestRunner(provider: provider, parallelism: 1).run(
        [
          Self.test(
            "returns", runs: 4, minPassRate: minPassRate,
            [ConversationTurn(user: Self.returns, expectations: [.contains(["30 days"])])])
        ], live: Self.live("helpdesk"))[0]
    }
    let half = await run(0.5)
    #expect(half.status == .passed)
    #expect(half.passRate == 0.5)
    #expect(half.runs.map(\.run) == [1, 2, 3, 4])
    #expect(await run(0.75).status == .failed)
  }

  @Test("a target not on the platform, or there twice, is a test that did not run")
  func missingTarget() async {
    let provider = ScriptedProvider([:])
    let turn = ConversationTurn(user: "hi", expectations: [])
    let results = await ConversationTestRunner(provider: provider).run(
      [Self.test("absent", bot: "gone", [turn]), Self.test("twice", bot: "dup", [turn])],
      live: Self.live("dup", "dup"))
    #expect(results.map(\.status) == [.error, .error])
    #expect(results[0].reason?.contains("bot/gone is not on its platform") == true)
    #expect(results[1].reason?.contains("2 live resources are named bot/dup") == true)
    #expect(TestReport(sandbox: true, platforms: [], tests: results).exitCode == 2)
  }

  @Test(
    "a platform that cannot converse makes the test not runnable, and a failure elsewhere still exits 1"
  )
  func notRunnable() async {
    let provider = ScriptedProvider([
      "phone": .init(notRunnable: "no conversation API"),
      "helpdesk": .init(replies: ["hi": ["no"]]),
    ])
    let turn = ConversationTurn(user: "hi", expectations: [.contains(["yes"])])
    let results = await ConversationTestRunner(provider: provider).run(
      [Self.test("voice", bot: "phone", [turn]), Self.test("chat", [turn])],
      live: Self.live("phone", "helpdesk"))
    #expect(results.map(\.status) == [.notRunnable, .failed])
    #expect(results[0].reason == "no conversation API")
    let report = TestReport(sandbox: false, platforms: [], tests: results)
    #expect(report.summary.notRunnable == 1)
    #expect(report.exitCode == 1)
    let alone = TestReport(sandbox: false, platforms: [], tests: [results[0]])
    #expect(alone.exitCode == 2)
  }

  @Test("a turn the platform fails stops the run as an error, not a failure")
  func turnError() async {
    let provider = ScriptedProvider([
      "helpdesk": .init(replies: ["one": ["1"]], failing: ["two"])
    ])
    let results = await ConversationTestRunner(provider: provider).run(
      [
        Self.test(
          "broken",
          [
            ConversationTurn(user: "one", expectations: []),
            ConversationTurn(user: "two", expectations: []),
            ConversationTurn(user: "three", expectations: []),
          ])
      ], live: Self.live("helpdesk"))
    #expect(results[0].status == .error)
    #expect(results[0].runs[0].turns.count == 1)
    #expect(results[0].reason?.contains("turn 2") == true)
    #expect(provider.log.withLock { $0 } == [["one", "two"]])
  }

  @Test("effects are asked of the conversation after the turn")
  func effects() async {
    let provider = ScriptedProvider([
      "helpdesk": .init(
        replies: ["mail me at ann@example.com": ["ok"]],
        effects: [
          .leadCaptured(true): .passed("a lead was captured"),
          .webhookDelivered(webhook: "crm", event: "lead.captured"): .failed("none sent"),
        ])
    ])
    let results = await ConversationTestRunner(provider: provider).run(
      [
        Self.test(
          "lead",
          [
            ConversationTurn(
              user: "mail me at ann@example.com",
              expectations: [
                .leadCaptured(true), .webhookDelivered(webhook: "crm", event: "lead.captured"),
              ])
          ])
      ], live: Self.live("helpdesk"))
    #expect(results[0].runs[0].turns[0].checks.map(\.status) == ["passed", "failed"])
    #expect(results[0].status == .failed)
  }

  @Test("with many conversations at once, each keeps its turns in order")
  func orderUnderParallelism() async {
    let turns = (1...5).map { ConversationTurn(user: "m\($0)", expectations: []) }
    let provider = ScriptedProvider([:])
    let tests = (1...12).map { Self.test("t\($0)", bot: "b\($0 % 3)", runs: 2, turns) }
    let results = await ConversationTestRunner(provider: provider, parallelism: 8).run(
      tests, live: Self.live("b0", "b1", "b2"))
    #expect(results.map(\.name) == tests.map(\.name))
    let log = provider.log.withLock { $0 }
    #expect(log.count == 24)
    #expect(log.allSatisfy { $0 == ["m1", "m2", "m3", "m4", "m5"] })
  }
}
