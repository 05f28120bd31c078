import HehoEngine
import HehoManifest
import Synchronization
import Testing

@Suite struct ExecutorTests {
  static func plan(_ operations: [PlannedOperation]) -> Plan {
    Plan(
      platforms: [PlatformEndpoint(name: "fake", endpoint: "http://fake")], project: "demo",
      fingerprint: "0", operations: operations, readsMade: 0)
  }

  static func create(_ address: String, dependsOn: [String] = []) -> PlannedOperation {
    PlannedOperation(
      address: Fixtures.address(address), action: .create,
      dependsOn: dependsOn.map(Fixtures.address), payload: [:])
  }

  @Test func replaceIsDeleteThenCreateAndDeletesRunAfterTheirUsers() {
    let steps = ApplyGraph.steps(
      for: Self.plan([
        PlannedOperation(address: Fixtures.address("store/s"), action: .replace, liveID: "s1"),
        PlannedOperation(
          address: Fixtures.address("bot/b"), action: .replace, liveID: "b1",
          dependsOn: [Fixtures.address("store/s")], liveDependsOn: [Fixtures.address("store/s")]),
      ]))
    let byID = Dictionary(uniqueKeysWithValues: steps.map { ($0.id, $0) })
    #expect(byID["create store/s"]?.dependsOn == ["delete store/s"])
    #expect(byID["delete store/s"]?.dependsOn == ["delete bot/b"])
    #expect(Set(byID["create bot/b"]?.dependsOn ?? []) == ["delete bot/b", "create store/s"])
  }

  @Test func everyWriteWaitsForConnects() {
    let steps = ApplyGraph.steps(
      for: Self.plan([
        PlannedOperation(address: Fixtures.address("store/legacy"), action: .connect),
        Self.create("store/s"),
      ]))
    #expect(steps.first { $0.id == "create store/s" }?.dependsOn == ["connect store/legacy"])
  }

  @Test(arguments: [1, 3])
  func parallelismIsBounded(limit: Int) async {
    let provider = FakeProvider(delay: .milliseconds(5))
    let operations = (0..<12).map { Self.create("store/s\($0)") }
    let report = await Executor(provider: provider, parallelism: limit).apply(Self.plan(operations))
    #expect(report.succeeded)
    #expect(report.completed[.create] == 12)
    #expect(provider.maxRunning <= limit)
    #expect(provider.maxRunning >= 1)
  }

  @Test func anInterruptLetsStepsInFlightFinishAndStartsNoOther() async {
    let provider = FakeProvider(delay: .milliseconds(40))
    let operations =
      (0..<8).map { Self.create("store/s\($0)") } + [Self.create("bot/b", dependsOn: ["store/s7"])]
    let interrupt = ApplyInterrupt()
    let started = StartCounter()
    let report = await Executor(provider: provider, parallelism: 2).apply(
      Self.plan(operations), interrupt: interrupt
    ) { event in
      // Stop as soon as the second step starts: both running steps finish, nothing else runs.
      if case .started = event, started.increment() == 2 { interrupt.request() }
    }
    #expect(provider.performed.count == 2)
    #expect(report.completed[.create] == 2)
    #expect(report.notStarted.count == 7)
    #expect(report.interrupted && !report.succeeded)
    #expect(report.failedCount == 0)
    #expect(report.summaryLine.hasPrefix("Apply interrupted: 2 created"))
    #expect(report.summaryLine.hasSuffix("0 failed, 0 skipped, 7 not started."))
    // A request after the end, or a second one, changes nothing.
    interrupt.request()
    #expect(interrupt.isRequested)
  }

  @Test func anInterruptBeforeTheStartRunsNothing() async {
    let provider = FakeProvider()
    let interrupt = ApplyInterrupt()
    interrupt.request()
    let report = await Executor(provider: provider).apply(
      Self.plan([Self.create("store/a"), Self.create("store/b")]), interrupt: interrupt)
    #expect(provider.performed.isEmpty)
    #expect(report.notStarted.count == 2)
  }

  @Test func failureSkipsDependentsAndIndependentWorkFinishes() async {
    let provider = FakeProvider(failing: ["create store/s"])
    let operations = [
      Self.create("store/s"), Self.create("store/t"), Self.create("bot/b", dependsOn: ["store/s"]),
      Self.create("bot/c", dependsOn: ["store/t"]),
    ]
    let report = await Executor(provider: provider).apply(Self.plan(operations))
    #expect(!report.succeeded)
    #expect(report.failedCount == 1)
    #expect(report.failed.first?.message == "server said no to create store/s")
    #expect(report.skipped == [Fixtures.address("bot/b")])
    #expect(report.completed[.create] == 2)
    #expect(!provider.performed.contains("create bot/b"))
    #expect(
      report.summaryLine
        == "Apply finished with errors: 2 created, 0 replaced, 0 deleted, 1 failed, 1 skipped.")
  }

  @Test func failedConnectWritesNothingElse() async {
    let provider = FakeProvider(failing: ["connect store/legacy"])
    let report = await Executor(provider: provider).apply(
      Self.plan([
        PlannedOperation(address: Fixtures.address("store/legacy"), action: .connect),
        Self.create("store/s"),
      ]))
    #expect(provider.performed == ["connect store/legacy"])
    #expect(report.skipped == [Fixtures.address("store/s")])
  }

  @Test func summaryLineCountsOperationsNotSteps() async {
    let provider = FakeProvider()
    let report = await Executor(provider: provider).apply(
      Self.plan([
        Self.create("store/a"),
        PlannedOperation(address: Fixtures.address("bot/b"), action: .replace, liveID: "1"),
        PlannedOperation(address: Fixtures.address("bot/c"), action: .noop),
      ]))
    #expect(
      report.summaryLine == "Apply complete: 1 created, 1 replaced, 0 deleted, 0 failed, 0 skipped."
    )
  }

  static func step(_ id: String, dependsOn: [String] = []) -> ApplyStep {
    ApplyStep(
      action: .create, address: Fixtures.address(id), dependsOn: dependsOn.map { "create \($0)" })
  }

  @Test func aFailureSkipsEveryStepThatNeedsItTransitivelyAndNamesTheBlocker() async {
    let provider = FakeProvider(failing: ["create store/a"])
    let records = await Executor(provider: provider, parallelism: 1).run([
      Self.step("store/a"), Self.step("bot/b", dependsOn: ["store/a"]),
      Self.step("bot/c", dependsOn: ["bot/b"]), Self.step("store/d"),
    ])
    let status = Dictionary(uniqueKeysWithValues: records.map { ($0.step.id, $0.status) })
    #expect(status["create bot/b"] == .skipped(because: "create store/a"))
    #expect(status["create bot/c"] == .skipped(because: "create bot/b"))
    #expect(status["create store/d"] == .succeeded(adopted: false))
    #expect(records.count == 4)
    #expect(provider.performed == ["create store/a", "create store/d"])
  }

  @Test func stepsStartInTheGivenOrderOnceWhatTheyNeedSucceeded() async {
    let provider = FakeProvider()
    // d needs b and c, which both need a: a diamond, given out of order. Whenever a step ends,
    // the first ready step in the given order starts next.
    let records = await Executor(provider: provider, parallelism: 1).run([
      Self.step("bot/d", dependsOn: ["store/b", "store/c"]),
      Self.step("store/c", dependsOn: ["store/a"]),
      Self.step("store/b", dependsOn: ["store/a"]), Self.step("store/a"), Self.step("store/e"),
    ])
    #expect(records.allSatisfy { $0.succeeded })
    #expect(
      provider.performed == [
        "create store/a", "create store/c", "create store/b", "create bot/d", "create store/e",
      ])
  }

  @Test func aDependencyThatNoStepHasIsReportedNotAwaitedForever() async {
    let provider = FakeProvider()
    let records = await Executor(provider: provider).run([
      Self.step("store/a", dependsOn: ["store/missing"]),
      Self.step("bot/b", dependsOn: ["store/a"]),
      Self.step("store/c"),
    ])
    let status = Dictionary(uniqueKeysWithValues: records.map { ($0.step.id, $0.status) })
    #expect(status["create store/a"] == .failed("its dependencies never completed"))
    #expect(status["create bot/b"] == .failed("its dependencies never completed"))
    #expect(status["create store/c"] == .succeeded(adopted: false))
    #expect(provider.performed == ["create store/c"])
  }

  @Test func aLargePlanRunsEveryStepOnceAndKeepsDependencyOrder() async {
    let provider = FakeProvider()
    // 3,000 tables, and a chatbot for every third that needs it.
    var operations = (0..<3_000).map { Self.create("store/s\($0)") }
    operations += stride(from: 0, to: 3_000, by: 3).map {
      Self.create("bot/b\($0)", dependsOn: ["store/s\($0)"])
    }
    let report = await Executor(provider: provider, parallelism: 16).apply(Self.plan(operations))
    #expect(report.succeeded)
    #expect(report.completed[.create] == 4_000)
    #expect(Set(provider.performed).count == 4_000)
    let position = Dictionary(
      uniqueKeysWithValues: provider.performed.enumerated().map { ($1, $0) })
    for bot in stride(from: 0, to: 3_000, by: 3) {
      #expect((position["create store/s\(bot)"] ?? .max) < (position["create bot/b\(bot)"] ?? -1))
    }
  }

  @Test func workersThatWaitedForAChainStillShareTheStepsItUnlocks() async {
    let provider = FakeProvider(delay: .milliseconds(50))
    // a, then b, then four steps at once: the idle workers must still be there for them.
    let fanOut = ["bot/c", "bot/d", "bot/e", "bot/f"].map { Self.step($0, dependsOn: ["store/b"]) }
    let records = await Executor(provider: provider, parallelism: 4).run(
      [Self.step("store/a"), Self.step("store/b", dependsOn: ["store/a"])] + fanOut)
    #expect(records.count == 6)
    #expect(records.allSatisfy { $0.succeeded })
    #expect(provider.maxRunning == 4)
  }
}

/// Counts events from several workers at once.
final class StartCounter: Sendable {
  private let count = Mutex(0)

  /// Adds one and returns the new count.
  func increment() -> Int {
    count.withLock { value in
      value += 1
      return value
    }
  }
}
