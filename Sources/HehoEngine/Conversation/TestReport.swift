import HehoManifest

/// What `heho test` found: every conversation test's verdict, run by run and turn by turn.
///
/// `Codable` as the `--output json` format (`format_version` "1",
/// `schemas/test-report.schema.json`); the text, JUnit and Markdown renderers read it too.
public struct TestReport: Sendable, Hashable, Codable {
  /// Counts by verdict.
  public struct Summary: Sendable, Hashable, Codable {
    public var tests = 0
    public var passed = 0
    public var failed = 0
    /// Tests with a check that could not be made, and no failure.
    public var incomplete = 0
    /// Tests the platform cannot run (Heppu's agents against the live platform).
    public var notRunnable = 0
    /// Tests that could not run (the target is not live, the platform failed).
    public var errors = 0

    /// Creates the summary of `results`.
    public init(_ results: [TestResult] = []) {
      tests = results.count
      for result in results {
        switch result.status {
        case .passed: passed += 1
        case .failed: failed += 1
        case .incomplete: incomplete += 1
        case .notRunnable: notRunnable += 1
        case .error: errors += 1
        }
      }
    }

    enum CodingKeys: String, CodingKey {
      case tests, passed, failed, incomplete, errors
      case notRunnable = "not_runnable"
    }
  }

  /// The format's version.
  public var formatVersion = "1"
  /// Whether the tests ran on a throwaway local platform (`heho test --local`).
  public var sandbox: Bool
  /// The platforms the tests talked to, each with its endpoint.
  public var platforms: [PlatformEndpoint]
  /// Live resources that differ from the manifests (the tests ran against them as they are),
  /// as `KIND/NAME`.
  public var outOfSync: [String]
  /// Every test, in manifest order.
  public var tests: [TestResult]
  /// Counts by verdict.
  public var summary: Summary

  /// Creates a report; the summary is counted from `tests`.
  public init(
    sandbox: Bool, platforms: [PlatformEndpoint], outOfSync: [ResourceAddress] = [],
    tests: [TestResult]
  ) {
    self.sandbox = sandbox
    self.platforms = platforms
    self.outOfSync = outOfSync.map(\.description)
    self.tests = tests
    summary = Summary(tests)
  }

  /// The exit code `heho test` gives: 1 when a test failed; otherwise 2 when any test could
  /// not run or left a check unmade (so "not runnable" or "not checkable" never reads as a
  /// pass); 0 when every test passed.
  public var exitCode: Int32 {
    if summary.failed > 0 { return 1 }
    if summary.incomplete + summary.notRunnable + summary.errors > 0 { return 2 }
    return 0
  }

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case sandbox, platforms, tests, summary
    case outOfSync = "out_of_sync"
  }
}

/// A verdict, of a test or of one run of it.
public enum TestStatus: String, Sendable, Hashable, Codable {
  case passed, failed, incomplete
  case notRunnable = "not-runnable"
  case error
}

/// One test's verdict.
public struct TestResult: Sendable, Hashable, Codable {
  /// `metadata.name`.
  public var name: String
  /// The resource it talked to, as `KIND/NAME`.
  public var target: String
  /// Where the test is declared (`file:line:column`).
  public var location: String
  /// The verdict.
  public var status: TestStatus
  /// Why it did not run (for `not-runnable` and `error`).
  public var reason: String?
  /// The share of runs that passed, and the share required.
  public var passRate: Double
  public var minPassRate: Double
  /// Each run of the conversation.
  public var runs: [RunResult]

  /// Creates a result.
  public init(
    name: String, target: ResourceAddress, location: String, status: TestStatus,
    reason: String? = nil, passRate: Double = 0, minPassRate: Double = 1, runs: [RunResult] = []
  ) {
    self.name = name
    self.target = target.description
    self.location = location
    self.status = status
    self.reason = reason
    self.passRate = passRate
    self.minPassRate = minPassRate
    self.runs = runs
  }

  enum CodingKeys: String, CodingKey {
    case name, target, location, status, reason, runs
    case passRate = "pass_rate"
    case minPassRate = "min_pass_rate"
  }
}

/// One run of a test's conversation.
public struct RunResult: Sendable, Hashable, Codable {
  /// 1-based.
  public var run: Int
  /// `passed`, `failed`, `incomplete` or `error`.
  public var status: TestStatus
  /// Why the run stopped (for `error`).
  public var error: String?
  /// The turns sent, in order (a run that stopped has fewer than the test).
  public var turns: [TurnResult]

  /// Creates a run result.
  public init(run: Int, status: TestStatus, error: String? = nil, turns: [TurnResult]) {
    self.run = run
    self.status = status
    self.error = error
    self.turns = turns
  }
}

/// One turn: the message, the reply, and each check.
public struct TurnResult: Sendable, Hashable, Codable {
  /// 1-based.
  public var turn: Int
  /// The user's message.
  public var user: String
  /// The reply.
  public var reply: String
  /// What the platform said the reply was grounded on; `nil` when it does not say.
  public var sources: [String]?
  /// Each expectation's outcome, in the manifest's order.
  public var checks: [CheckResult]

  /// Creates a turn result.
  public init(turn: Int, user: String, reply: String, sources: [String]?, checks: [CheckResult]) {
    self.turn = turn
    self.user = user
    self.reply = reply
    self.sources = sources
    self.checks = checks
  }
}

/// One expectation's outcome.
public struct CheckResult: Sendable, Hashable, Codable {
  /// The expectation's name (`contains`).
  public var check: String
  /// What was expected, as written.
  public var expected: String
  /// `passed`, `failed` or `not-checkable`.
  public var status: String
  /// What was seen, or why it could not be checked.
  public var detail: String?

  /// Creates a check result.
  public init(check: String, expected: String, outcome: CheckOutcome) {
    self.check = check
    self.expected = expected
    status = outcome.status
    detail = outcome.detail
  }
}
