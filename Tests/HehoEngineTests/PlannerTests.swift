import HehoManifest
import Testing

@testable import HehoEngine

@Suite struct PlannerTests {
  static let location = SourceLocation(file: "x.yaml", line: 1, column: 1)

  static func state(_ resources: [DesiredResource], prune: Bool = false) -> DesiredState {
    DesiredState(project: ProjectSettings(name: "demo", prune: prune), resources: resources)
  }

  static func store(_ name: String, size: Int, lifecycle: Lifecycle = Lifecycle())
    -> DesiredResource
  {
    DesiredResource(
      kind: "store", name: name, spec: ["size": .int(size)], lifecycle: lifecycle,
      location: location)
  }

  @Test func countsRecordsOnlyForStoresThatAreDroppedOrReplaced() async throws {
    let provider = FakeProvider(
      live: [
        Fixtures.live("store/same", ["size": .int(1)]),
        Fixtures.live("store/changed", ["size": .int(1)]),
        Fixtures.live("bot/gone"),
      ], records: ["store/changed": 4])
    let plan = try await Planner(provider: provider, options: PlanOptions(allowDataLoss: true))
      .plan(Self.state([Self.store("same", size: 1), Self.store("changed", size: 2)], prune: true))
    #expect(provider.counted == ["store/changed"])
    #expect(plan.api.readsMade == 3)
    #expect(plan.api.writesPlanned == 3)
    #expect(plan.problems.isEmpty)
    let changed = plan.operations.first { $0.address.name == "changed" }
    #expect(changed?.recordsLost == 4)
    #expect(changed?.warnings.contains("loses its 4 rows of data") == true)
  }

  @Test func dataLossIsRefusedUnlessAllowed() async throws {
    let provider = FakeProvider(
      live: [
        Fixtures.live("store/a", ["size": .int(1)]), Fixtures.live("store/b", ["size": .int(1)]),
      ],
      records: ["store/a": 3, "store/b": 5])
    let state = Self.state([Self.store("a", size: 2), Self.store("b", size: 2)])
    let refused = try await Planner(provider: provider).plan(state)
    #expect(refused.problems.map(\.kind) == [.dataLoss, .dataLoss])
    #expect(refused.problems[0].message.contains("--allow-data-loss"))
    #expect(!refused.isApplicable)
    let allowed = try await Planner(provider: provider, options: PlanOptions(allowDataLoss: true))
      .plan(state)
    #expect(allowed.problems.isEmpty)
    let perResource = Self.state([
      Self.store("a", size: 2, lifecycle: Lifecycle(allowDataLoss: true)), Self.store("b", size: 1),
    ])
    #expect(try await Planner(provider: provider).plan(perResource).problems.isEmpty)
  }

  @Test func emptyStoresStillNeedPermissionToBeReplaced() async throws {
    let provider = FakeProvider(live: [Fixtures.live("store/a", ["size": .int(1)])])
    let plan = try await Planner(provider: provider).plan(Self.state([Self.store("a", size: 2)]))
    #expect(plan.problems.map(\.kind) == [.dataLoss])
    #expect(plan.problems[0].message.contains("0 rows now"))
    #expect(plan.operations[0].recordsLost == 0)
    #expect(plan.operations[0].warnings.contains("drops its data (it holds no rows now)"))
  }

  @Test func preventDestroyRefusesReplaceEvenWithDataLossAllowed() async throws {
    let provider = FakeProvider(live: [Fixtures.live("store/a", ["size": .int(1)])])
    let state = Self.state([Self.store("a", size: 2, lifecycle: Lifecycle(preventDestroy: true))])
    let plan = try await Planner(provider: provider, options: PlanOptions(allowDataLoss: true))
      .plan(state)
    #expect(plan.problems.map(\.kind) == [.preventDestroy])
    #expect(plan.problems[0].description.hasPrefix("store/a: lifecycle.preventDestroy"))
  }

  @Test func savedPlanFingerprintDetectsChangedLiveState() async throws {
    let provider = FakeProvider(live: [Fixtures.live("store/a", ["size": .int(1)])])
    let planner = Planner(provider: provider)
    let plan = try await planner.plan(Self.state([Self.store("a", size: 1)]))
    #expect(try await planner.currentFingerprint(for: plan) == plan.fingerprint)
    provider.locked { provider.liveResources[0].fields["size"] = .int(9) }
    #expect(try await planner.currentFingerprint(for: plan) != plan.fingerprint)
  }

  @Test func fingerprintIsStableAndOrderIndependent() {
    let one = LiveState(
      resources: [Fixtures.live("store/a"), Fixtures.live("bot/b")], readsMade: 2)
    let two = LiveState(
      resources: [Fixtures.live("bot/b"), Fixtures.live("store/a")], readsMade: 7)
    #expect(Fingerprint.of(one, recordCounts: [:]) == Fingerprint.of(two, recordCounts: [:]))
    #expect(Fingerprint.of(one, recordCounts: [:]).count == 16)
    #expect(
      Fingerprint.of(one, recordCounts: [Fixtures.address("store/a"): 1])
        != Fingerprint.of(one, recordCounts: [:]))
    var hasher = FNV1a64()
    hasher.add(byte: UInt8(ascii: "a"))
    #expect(Fingerprint.hex(hasher.value) == "af63dc4c8601ec8c")
  }

  /// The bytes a value is hashed as: a tag, strings length-first (8 bytes, little-endian) in
  /// UTF-8, object keys sorted. Pinned (computed independently), so a saved plan's fingerprint
  /// means the same to every version.
  @Test func fingerprintEncodingIsPinned() {
    var hasher = FNV1a64()
    hasher.add(.string("héllo"))
    hasher.add(.object(["b": .bool(true), "a": .int(7)]))
    #expect(Fingerprint.hex(hasher.value) == "73bf2c1f0ca87bac")
  }

  @Test func prefetchedLiveStateIsUsedInsteadOfAFetch() async throws {
    let provider = FakeProvider(live: [Fixtures.live("store/a", ["size": .int(1)])])
    let prefetched = LiveState(
      resources: [Fixtures.live("store/a", ["size": .int(5)])], readsMade: 2)
    let plan = try await Planner(provider: provider)
      .plan(Self.state([Self.store("a", size: 1)])) { prefetched }
    // The provider's own live state matches the manifest; only the prefetched one differs.
    #expect(plan.summary.hasChanges)
    #expect(
      try await Planner(provider: provider).plan(Self.state([Self.store("a", size: 1)]))
        .summary.hasChanges == false)
  }

  @Test func fingerprintSeesNestedChangesAndNoConcatenationCollisions() {
    func print(_ fields: [String: Value], id: String = "1") -> String {
      Fingerprint.of(
        LiveState(
          resources: [
            LiveResource(
              address: Fixtures.address("store/a"), id: id, fields: fields)
          ], readsMade: 1), recordCounts: [:])
    }
    let base = print(["columns": .array([.object(["name": .string("id")])])])
    #expect(base == print(["columns": .array([.object(["name": .string("id")])])]))
    #expect(base != print(["columns": .array([.object(["name": .string("ids")])])]))
    #expect(print(["a": .string("bc")]) != print(["ab": .string("c")]))
    #expect(print(["a": .int(1)]) != print(["a": .string("1")]))
    #expect(print(["a": .null]) != print([:]))
    #expect(print([:], id: "1") != print([:], id: "2"))
  }
}

@Suite struct PlannerRenameTests {
  @Test func aRenamedStoreCountsTheRowsUnderItsOldNameAndIsRefused() async throws {
    let provider = FakeProvider(
      live: [Fixtures.live("store/old", ["size": .int(1)])], records: ["store/old": 7])
    var renamed = PlannerTests.store("new", size: 1)
    renamed.previousNames = ["old"]
    let plan = try await Planner(provider: provider).plan(PlannerTests.state([renamed]))
    #expect(provider.counted == ["store/old"])
    let replace = try #require(plan.operations.first)
    #expect(replace.renamedFrom == "old")
    #expect(replace.recordsLost == 7)
    #expect(plan.problems.map(\.kind) == [.dataLoss])
  }

  @Test func previousNamesOfAResourceThatIsNotOnThePlatformAreNoted() {
    // A resource a provider folds away (a knowledge base) compiles to no item.
    var renamed = PlannerTests.store("new", size: 1)
    renamed.previousNames = ["old"]
    let compiled = Planner.withPreviousNames([], from: PlannerTests.state([renamed]))
    #expect(compiled.notes.count == 1)
    #expect(compiled.notes.first?.contains("store/new has previous names") == true)
  }
}
