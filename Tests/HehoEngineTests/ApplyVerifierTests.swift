import HehoEngine
import HehoManifest
import Testing

/// Reading back after apply: what was written must plan as a no-op, and be there once.
@Suite struct ApplyVerifierTests {
  static func report(_ steps: [ApplyStep]) -> ApplyReport {
    ApplyReport(
      operations: steps.map {
        PlannedOperation(address: $0.address, action: $0.action == .delete ? .delete : .create)
      }, records: steps.map { StepRecord(step: $0, status: .succeeded(adopted: false)) })
  }

  static let state = DesiredState(
    project: ProjectSettings(name: "demo"),
    resources: [
      DesiredResource(
        kind: "store", name: "a", spec: ["size": .int(2)],
        location: SourceLocation(file: "x.yaml", line: 1, column: 1))
    ])

  @Test func aFieldKeptOtherwiseIsNamed() async throws {
    let provider = FakeProvider(live: [Fixtures.live("store/a", ["size": .int(1)])])
    let mismatches = try await ApplyVerifier(provider: provider).verify(
      Self.state,
      report: Self.report([ApplyStep(action: .create, address: Fixtures.address("store/a"))]))
    #expect(mismatches.map(\.message) == ["size is 1, written 2"])
  }

  @Test func whatWasWrittenAsAskedIsNoMismatch() async throws {
    let provider = FakeProvider(live: [Fixtures.live("store/a", ["size": .int(2)])])
    let mismatches = try await ApplyVerifier(provider: provider).verify(
      Self.state,
      report: Self.report([ApplyStep(action: .create, address: Fixtures.address("store/a"))]))
    #expect(mismatches.isEmpty)
  }

  @Test func aResourceMadeTwiceMeanwhileIsNamed() async throws {
    let provider = FakeProvider(live: [
      Fixtures.live("store/a", id: "mine", ["size": .int(2)]),
      Fixtures.live("store/a", id: "theirs", ["size": .int(2)]),
    ])
    let mismatches = try await ApplyVerifier(provider: provider).verify(
      Self.state,
      report: Self.report([ApplyStep(action: .create, address: Fixtures.address("store/a"))]))
    #expect(mismatches.count == 1)
    #expect(mismatches.first?.message.contains("holds it more than once") == true)
    #expect(mismatches.first?.message.contains("mine, theirs") == true)
  }

  @Test func aDeleteThatDidNotTakeIsNamed() async throws {
    let provider = FakeProvider(live: [Fixtures.live("bot/gone")])
    let mismatches = try await ApplyVerifier(provider: provider).verify(
      DesiredState(project: ProjectSettings(name: "demo"), resources: []),
      report: Self.report([ApplyStep(action: .delete, address: Fixtures.address("bot/gone"))]))
    #expect(mismatches.first?.message.contains("still on the platform") == true)
  }

  @Test func aUserOfAMigratedResourceThatLostItsAccessIsNamed() async throws {
    // The store kept its size through the migration, but the bot that uses it lost its label.
    let provider = FakeProvider(live: [
      Fixtures.live("store/a", ["size": .int(2)]),
      Fixtures.live("bot/reader", ["label": .string("old")], dependencies: ["store/a"]),
    ])
    var state = Self.state
    state.resources.append(
      DesiredResource(
        kind: "bot", name: "reader", spec: ["label": .string("reads a")],
        location: SourceLocation(file: "x.yaml", line: 5, column: 1),
        references: [Fixtures.address("store/a")]))
    let migrate = ApplyStep(action: .migrate, address: Fixtures.address("store/a"))
    let report = ApplyReport(
      operations: [PlannedOperation(address: migrate.address, action: .migrate)],
      records: [StepRecord(step: migrate, status: .succeeded(adopted: false))])
    let mismatches = try await ApplyVerifier(provider: provider).verify(state, report: report)
    #expect(mismatches.map(\.address) == [Fixtures.address("bot/reader")])
    #expect(
      mismatches.first?.message
        == "differs after the migration of store/a (label); it should have kept its access")
  }
}
