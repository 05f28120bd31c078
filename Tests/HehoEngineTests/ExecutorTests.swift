import HehoEngine
import HehoManifest
import Testing

@Suite struct ExecutorTests {
  static func plan(_ operations: [PlannedOperation]) -> Plan {
    Plan(provider: "fake", project: "demo", fingerprint: "0", operations: operations, readsMade: 0)
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
}
