import HehoEngine
import HehoManifest

/// Test reports for the renderer tests: every verdict, hostile text, a repeated test.
enum TestReportFixtures {
  static let hostile = "we<ird> & \"quoted\" 'it' | pipe `tick` *star* [link](x) \u{1}\u{1B}[31m"

  static func check(_ name: String, _ expected: String, _ outcome: CheckOutcome) -> CheckResult {
    CheckResult(check: name, expected: expected, outcome: outcome)
  }

  static func turn(
    _ number: Int, user: String = "How long do I have?", reply: String = "You have 30 days.",
    sources: [String]? = ["returns.md"], _ checks: [CheckResult]
  ) -> TurnResult {
    TurnResult(turn: number, user: user, reply: reply, sources: sources, checks: checks)
  }

  /// One failed test, `ships`, whose only turn got `reply` where "two working days" was
  /// expected: for how a reply's line breaks are shown.
  static func ships(reply: String) -> TestReport {
    let missed = turn(
      1, reply: reply, [check("contains", "\"two working days\"", .failed("missing"))])
    let test = TestResult(
      name: "ships", target: ResourceAddress(kind: "agent", name: "web"), location: "t.yaml:1:1",
      status: .failed, runs: [RunResult(run: 1, status: .failed, turns: [missed])])
    return TestReport(sandbox: true, platforms: [], tests: [test])
  }

  /// One test of each verdict; `failed-repeated` passed 1 of 3 runs.
  static func sample(sandbox: Bool = true) -> TestReport {
    let passing = turn(1, [check("contains", "\"30 days\"", .passed(nil))])
    let failing = turn(
      1, user: hostile,
      reply: "Sorry, I don't know. " + hostile + String(repeating: "x", count: 400),
      sources: nil,
      [
        check("contains", "\"30 days\"", .failed("missing \"30 days\"")),
        check("citesDocument", "returns.md", .notCheckable("the reply carries no sources")),
      ])
    let unchecked = turn(
      2, sources: nil,
      [check("citesDocument", "returns.md", .notCheckable("the reply carries no sources"))])
    let target = ResourceAddress(kind: "bot", name: "helpdesk")
    return TestReport(
      sandbox: sandbox, platforms: [PlatformEndpoint(name: "bothero", endpoint: "http://local")],
      outOfSync: sandbox ? [] : [ResourceAddress(kind: "bot", name: "helpdesk")],
      tests: [
        TestResult(
          name: "returns-policy", target: target, location: "tests.yaml:1:1", status: .passed,
          passRate: 1, runs: [RunResult(run: 1, status: .passed, turns: [passing])]),
        TestResult(
          name: "failed-repeated", target: target, location: "tests.yaml:20:1", status: .failed,
          passRate: 1.0 / 3, minPassRate: 1,
          runs: [
            RunResult(run: 1, status: .passed, turns: [passing]),
            RunResult(run: 2, status: .failed, turns: [failing, passing]),
            RunResult(run: 3, status: .failed, turns: [failing]),
          ]),
        TestResult(
          name: "agent-\(hostile)", target: ResourceAddress(kind: "agent", name: "concierge"),
          location: "tests.yaml:40:1", status: .notRunnable,
          reason: "Heppu has no conversation API"),
        TestResult(
          name: "grounded", target: target, location: "tests.yaml:60:1", status: .incomplete,
          passRate: 0,
          runs: [RunResult(run: 1, status: .incomplete, turns: [passing, unchecked])]),
        TestResult(
          name: "unreachable", target: ResourceAddress(kind: "chatbot", name: "support"),
          location: "tests.yaml:80:1", status: .error,
          reason: "run 1 stopped at turn 1: the platform answered 503",
          runs: [
            RunResult(run: 1, status: .error, error: "turn 1: the platform answered 503", turns: [])
          ]),
      ])
  }
}
