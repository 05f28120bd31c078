import Foundation
import HehoEngine
import HehoManifest
import Testing

@Suite struct DriftReportTests {
  static func resource(
    _ kind: String, _ name: String, _ spec: [String: Value], line: Int = 1,
    references: [ResourceAddress] = [], lifecycle: Lifecycle = Lifecycle()
  ) -> DesiredResource {
    DesiredResource(
      kind: kind, name: name, spec: spec, lifecycle: lifecycle,
      location: SourceLocation(file: "m.yaml", line: line, column: 1), references: references)
  }

  static func report(
    _ resources: [DesiredResource], live: [LiveResource], prune: Bool = false
  ) async throws -> DriftReport {
    let state = DesiredState(
      project: ProjectSettings(name: "demo", prune: prune), resources: resources)
    let options = PlanOptions(allowDataLoss: true, prune: false)
    let plan = try await Planner(provider: FakeProvider(live: live), options: options).plan(state)
    return DriftReport(plan: plan, state: state)
  }

  @Test func sortsResourcesIntoModifiedMissingUnmanagedAndInSync() async throws {
    let report = try await Self.report(
      [
        Self.resource("store", "same", ["size": .int(1)], line: 1),
        Self.resource("store", "grown", ["size": .int(2)], line: 5),
        Self.resource("bot", "new", ["label": .string("hi")], line: 9),
      ],
      live: [
        Fixtures.live("store/same", ["size": .int(1)]),
        Fixtures.live("store/grown", ["size": .int(1)]),
        Fixtures.live("bot/stray", ["label": .string("x")]),
      ], prune: true)
    #expect(report.hasDrift)
    #expect(report.modified.map(\.address.description) == ["store/grown"])
    #expect(report.missing.map(\.address.description) == ["bot/new"])
    #expect(report.unmanaged.map(\.address.description) == ["bot/stray"])
    #expect(report.inSync.map(\.address.description) == ["store/same"])
    let grown = try #require(report.modified.first)
    #expect(grown.location?.line == 5)
    #expect(grown.liveID == "id-store/grown")
    #expect(
      grown.differences == [
        DriftDifference(field: "size", live: .int(1), declared: .int(2), forcesReplacement: true)
      ])
    #expect(report.unmanaged.first?.liveID == "id-bot/stray")
    #expect(report.summary.managed == 3)
    #expect(report.summary.drifted == 3)
    #expect(report.notes == ["fake note"])
  }

  @Test func noDriftWhenEverythingMatches() async throws {
    let report = try await Self.report(
      [Self.resource("store", "a", ["size": .int(1)])],
      live: [Fixtures.live("store/a", ["size": .int(1)])])
    #expect(!report.hasDrift)
    #expect(report.summary.inSync == 1)
    #expect(report.entries.count == 1)
  }

  @Test func aCascadedReplacementIsNotDriftOfItsOwn() async throws {
    let store = ResourceAddress(kind: "store", name: "s")
    let report = try await Self.report(
      [
        Self.resource("store", "s", ["size": .int(2)]),
        Self.resource("bot", "b", ["label": .string("x")], references: [store]),
      ],
      live: [
        Fixtures.live("store/s", ["size": .int(1)]),
        Fixtures.live("bot/b", ["label": .string("x")], dependencies: ["store/s"]),
      ])
    #expect(report.modified.map(\.address.description) == ["store/s"])
    #expect(report.inSync.map(\.address.description) == ["bot/b"])
  }

  @Test func ignoredDifferencesAreListedWithTheirReasonAndAreNotDrift() async throws {
    let lifecycle = Lifecycle(
      ignoreChanges: [.init(field: "label", reason: "support edits it by hand")])
    let report = try await Self.report(
      [Self.resource("bot", "b", ["label": .string("declared")], lifecycle: lifecycle)],
      live: [Fixtures.live("bot/b", ["label": .string("edited")])])
    #expect(!report.hasDrift)
    let entry = try #require(report.inSync.first)
    #expect(
      entry.ignored == [
        DriftDifference(
          field: "label", live: .string("edited"), declared: .string("declared"),
          reason: "support edits it by hand")
      ])
    #expect(report.summary.ignored == 1)
  }

  @Test func ignoringOneFieldStillReportsTheOthers() async throws {
    let lifecycle = Lifecycle(ignoreChanges: [.init(field: "label", reason: "hand edits")])
    let report = try await Self.report(
      [
        Self.resource(
          "bot", "b", ["label": .string("a"), "size": .int(1)], lifecycle: lifecycle)
      ],
      live: [Fixtures.live("bot/b", ["label": .string("b"), "size": .int(2)])])
    let entry = try #require(report.modified.first)
    #expect(entry.differences.map(\.field) == ["size"])
    #expect(entry.ignored.map(\.field) == ["label"])
  }

  @Test func duplicateLiveNamesAreConflicts() async throws {
    let report = try await Self.report(
      [Self.resource("bot", "twin", ["label": .string("x")])],
      live: [
        Fixtures.live("bot/twin", id: "1", ["label": .string("x")]),
        Fixtures.live("bot/twin", id: "2", ["label": .string("x")]),
      ])
    #expect(report.hasDrift)
    #expect(report.conflicts.map(\.address.description) == ["bot/twin"])
    #expect(report.conflicts.first?.message?.contains("1, 2") == true)
    #expect(report.summary.conflicts == 1)
  }

  @Test func jsonIsVersionedAndReadsBack() async throws {
    let report = try await Self.report(
      [Self.resource("store", "a", ["size": .int(2)])],
      live: [Fixtures.live("store/a", ["size": .int(1)]), Fixtures.live("bot/x")])
    let data = try DriftCodec.encode(report)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["format_version"] as? String == "2")
    #expect(object["drift"] as? Bool == true)
    let modified = try #require(object["modified"] as? [[String: Any]])
    #expect(modified.first?["address"] as? String == "store/a")
    #expect(try DriftCodec.decode(data) == report)
    #expect(try DriftCodec.string(report) == DriftCodec.string(report))
  }
}
