import HehoManifest

/// Runs conversation tests against live platforms: each test's conversation `repeat` times,
/// turns in order, several tests (and runs) at once up to `parallelism`.
///
/// Faults are the platform client's business: 429s, 5xx and dropped connections are retried as
/// in apply, so a verdict does not depend on them. A conversation that cannot go on (retries
/// exhausted, the platform refusing a turn) makes its run an error: the test did not run, which
/// is never reported as a failure or a pass.
public struct ConversationTestRunner: Sendable {
  /// The platforms, one provider.
  public var provider: any Provider
  /// The most runs in flight at once.
  public var parallelism: Int
  /// The model that grades rubrics; `nil` leaves them not checkable.
  public var judge: (any ConversationJudge)?

  /// Creates a runner.
  public init(provider: any Provider, parallelism: Int = 4, judge: (any ConversationJudge)? = nil) {
    self.provider = provider
    self.parallelism = max(1, parallelism)
    self.judge = judge
  }

  /// Every test's result, in `tests`' order, run against `live` (the platforms' state now).
  public func run(_ tests: [ConversationTest], live: LiveState) async -> [TestResult] {
    var targets: [ResourceAddress: [LiveResource]] = [:]
    for resource in live.resources { targets[resource.address, default: []].append(resource) }
    let byAddress = targets
    let jobs = tests.indices.flatMap { test in (1...max(1, tests[test].runs)).map { (test, $0) } }
    let provider = self.provider
    let judge = self.judge
    let outcomes =
      (try? await BoundedTasks.map(jobs, width: parallelism) { test, run in
        await Self.run(
          tests[test], run: run, targets: byAddress[tests[test].target] ?? [], live: live,
          provider: provider, judge: judge)
      }) ?? []
    var byTest: [Int: [RunOutcome]] = [:]
    for (job, outcome) in zip(jobs, outcomes) { byTest[job.0, default: []].append(outcome) }
    return tests.indices.map { Self.verdict(tests[$0], outcomes: byTest[$0] ?? []) }
  }

  /// One run's result, or why the test cannot run at all.
  enum RunOutcome: Sendable {
    case ran(RunResult)
    case notRunnable(String)
    case error(String)
  }

  static func run(
    _ test: ConversationTest, run: Int, targets: [LiveResource], live: LiveState,
    provider: any Provider, judge: (any ConversationJudge)?
  ) async -> RunOutcome {
    guard let target = targets.first else {
      return .error(
        "\(test.target) is not on its platform; apply the manifests first (or run "
          + "heho test --local)")
    }
    guard targets.count == 1 else {
      return .error(
        "\(targets.count) live resources are named \(test.target) (IDs "
          + targets.map(\.id).joined(separator: ", ") + "); heho cannot tell which to test")
    }
    let conversation: any Conversation
    do {
      switch try await provider.openConversation(with: target, live: live) {
      case .notRunnable(let reason): return .notRunnable(reason)
      case .opened(let opened): conversation = opened
      }
    } catch {
      return .error("opening a conversation with \(test.target): \(error)")
    }
    let checker = TurnChecker(conversation: conversation, judge: judge)
    var transcript: [TranscriptMessage] = []
    var turns: [TurnResult] = []
    for (index, turn) in test.turns.enumerated() {
      let label = "test \(test.name): run \(run) turn \(index + 1)"
      do {
        let reply = try await PlatformOperation.labeled(label) {
          try await conversation.send(turn.user)
        }
        transcript += [
          TranscriptMessage(role: "user", content: turn.user),
          TranscriptMessage(role: "assistant", content: reply.text),
        ]
        var checks: [CheckResult] = []
        for expectation in turn.expectations {
          let outcome = try await PlatformOperation.labeled(label) {
            try await checker.check(expectation, reply: reply, transcript: transcript)
          }
          checks.append(
            CheckResult(check: expectation.name, expected: expectation.expected, outcome: outcome))
        }
        turns.append(
          TurnResult(
            turn: index + 1, user: turn.user, reply: reply.text, sources: reply.sources,
            checks: checks))
      } catch {
        return .ran(
          RunResult(run: run, status: .error, error: "turn \(index + 1): \(error)", turns: turns))
      }
    }
    let statuses = turns.flatMap(\.checks).map(\.status)
    let status: TestStatus =
      statuses.contains("failed")
      ? .failed : statuses.contains("not-checkable") ? .incomplete : .passed
    return .ran(RunResult(run: run, status: status, turns: turns))
  }

  /// A test's verdict from its runs: an error or "not runnable" in any run decides it;
  /// otherwise the share of passed runs against `minPassRate`, runs left incomplete counting
  /// for neither side.
  static func verdict(_ test: ConversationTest, outcomes: [RunOutcome]) -> TestResult {
    var result = TestResult(
      name: test.name, target: test.target, location: test.location.description,
      status: .passed, minPassRate: test.minPassRate)
    var runs: [RunResult] = []
    for outcome in outcomes {
      switch outcome {
      case .notRunnable(let reason):
        result.status = .notRunnable
        result.reason = reason
        return result
      case .error(let reason):
        result.status = .error
        result.reason = reason
        return result
      case .ran(let run): runs.append(run)
      }
    }
    result.runs = runs.sorted { $0.run < $1.run }
    if let failed = runs.first(where: { $0.status == .error }) {
      result.status = .error
      result.reason = "run \(failed.run) stopped at \(failed.error ?? "an error")"
      return result
    }
    let total = Double(max(1, runs.count))
    let passed = Double(runs.filter { $0.status == .passed }.count)
    let incomplete = Double(runs.filter { $0.status == .incomplete }.count)
    result.passRate = passed / total
    if result.passRate >= test.minPassRate {
      result.status = .passed
    } else if (passed + incomplete) / total >= test.minPassRate {
      result.status = .incomplete
    } else {
      result.status = .failed
    }
    return result
  }
}
