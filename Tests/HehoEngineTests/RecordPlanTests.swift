import HehoEngine
import HehoManifest
import Testing

/// Data kinds: records diffed by key, written one step each, deletes guarded.
@Suite struct RecordPlanTests {
  static let kinds =
    Fixtures.kinds + [
      KindBehavior(
        kind: "storedata", replacementReason: "records are written one by one",
        recordContainer: "store", recordNoun: "rows")
    ]

  static func data(_ rows: [[String: Value]], prune: Bool = false) -> DesiredItem {
    var item = Fixtures.item("storedata/items", dependencies: ["store/items"])
    item.records = RecordSet(
      container: Fixtures.address("store/items"), keyField: "id",
      records: rows.map { Record(key: $0["id"]?.description ?? "", fields: $0) }, prune: prune)
    return item
  }

  static func live(_ rows: [[String: Value]]) -> LiveResource {
    var resource = Fixtures.live("storedata/items", id: "items")
    resource.records = rows.map { Record(key: $0["id"]?.description ?? "", fields: $0) }
    return resource
  }

  func build(_ items: [DesiredItem], _ live: [LiveResource]) -> PlanBuilder.Draft {
    PlanBuilder(kinds: Self.kinds).build(
      items: items, live: LiveState(resources: live, readsMade: 3), prune: false)
  }

  @Test func recordsAreAddedEditedAndLeftAloneByKey() throws {
    let draft = build(
      [
        Fixtures.item("store/items"),
        Self.data([
          ["id": .int(1), "name": .string("tea")], ["id": .int(2), "name": .string("mug")],
          ["id": .int(4), "name": .string("cake")],
        ]),
      ],
      [
        Fixtures.live("store/items"),
        Self.live([
          ["id": .int(1), "name": .string("tea")], ["id": .int(2), "name": .string("cup")],
          ["id": .int(3), "name": .string("kept")],
        ]),
      ])
    let operation = try #require(draft.operations.first { $0.address.kind == "storedata" })
    #expect(operation.action == .update)
    let records = try #require(operation.records)
    #expect(records.changes.map(\.action) == [.edit, .add])
    #expect(records.changes[0].payload == ["name": .string("mug")])
    #expect(records.changes[0].changes.map(\.field) == ["name"])
    #expect(records.unchanged == 1)
    #expect(records.summary == "+ 1 rows, ~ 1 rows, - 0 rows")
    #expect(operation.writeCount == 2)
  }

  @Test func pruneDeletesUnlistedRecordsUnderTheDataLossGuard() throws {
    let items = [
      Fixtures.item("store/items"), Self.data([["id": .int(1)]], prune: true),
    ]
    let live = [Fixtures.live("store/items"), Self.live([["id": .int(1)], ["id": .int(3)]])]
    let draft = build(items, live)
    let operation = try #require(draft.operations.first { $0.address.kind == "storedata" })
    #expect(operation.records?.changes.map(\.action) == [.delete])
    #expect(operation.recordsLost == 1)
    let guarded = DestructionGuard(allowDataLoss: false, lifecycles: [:]).apply(to: draft)
    #expect(guarded.problems.map(\.kind) == [.dataLoss])
    #expect(guarded.problems.first?.message.contains("would delete 1 rows of store/items") == true)
    let allowed = DestructionGuard(allowDataLoss: true, lifecycles: [:]).apply(to: draft)
    #expect(allowed.problems.isEmpty)
    #expect(allowed.operations.contains { $0.warnings.contains { $0.contains("deletes 1 rows") } })
  }

  @Test func aContainerTheplanCreatesOrReplacesGetsEveryRecordAfterIt() throws {
    // The store must be replaced (a changed field): its live records do not survive.
    let items = [Fixtures.item("store/items", ["size": .int(2)]), Self.data([["id": .int(1)]])]
    let live = [
      Fixtures.live("store/items", ["size": .int(1)]), Self.live([["id": .int(1)]]),
    ]
    let draft = build(items, live)
    let operation = try #require(draft.operations.first { $0.address.kind == "storedata" })
    #expect(operation.action == .create)
    #expect(operation.records?.changes.map(\.action) == [.add])
    #expect(operation.reasons.first?.contains("store/items is replaced first") == true)
  }

  @Test func everyRecordIsAStepThatWaitsForItsContainer() throws {
    let items = [
      Fixtures.item("store/items"), Self.data((1...30).map { ["id": .int($0)] }),
    ]
    let draft = build(items, [])
    let plan = Plan(
      platforms: [], project: "p", fingerprint: "f", operations: draft.operations, readsMade: 3)
    let steps = ApplyGraph.steps(for: plan)
    #expect(steps.count == 31)
    let rows = steps.filter { $0.record != nil }
    #expect(rows.count == 30)
    #expect(rows.allSatisfy { $0.dependsOn == ["create store/items"] })
    #expect(rows.first?.id == "create storedata/items (key 1)")
    #expect(plan.api.writesPlanned == 31)
    let text = TextRenderer(color: false).render(plan)
    #expect(
      text.contains("+ storedata/items (store/items): + 30 rows, ~ 0 rows, - 0 rows"), "\(text)")
    #expect(text.contains("30 rows change: each is listed in the JSON plan"), "\(text)")
    #expect(!text.contains("key 7"))
  }

  @Test func aFewRecordChangesAreListed() {
    let items = [Fixtures.item("store/items"), Self.data([["id": .int(1), "a": .string("x\ny")]])]
    let live = [Fixtures.live("store/items"), Self.live([["id": .int(1), "a": .string("z")]])]
    let plan = Plan(
      platforms: [], project: "p", fingerprint: "f", operations: build(items, live).operations,
      readsMade: 3)
    let text = TextRenderer(color: false).render(plan)
    #expect(text.contains("~ key 1: a: \"z\" → \"x\\ny\""), "\(text)")
  }

  @Test func liveRecordsChangeTheFingerprint() {
    let one = LiveState(resources: [Self.live([["id": .int(1)]])], readsMade: 1)
    let two = LiveState(resources: [Self.live([["id": .int(2)]])], readsMade: 1)
    #expect(Fingerprint.of(one, recordCounts: [:]) != Fingerprint.of(two, recordCounts: [:]))
  }
}

extension RecordPlanTests {
  @Test func anAddWaitsForTheDeleteOfTheRowWhosePrimaryKeyItTakes() throws {
    var item = Self.data([["email": .string("new@x"), "id": .int(5)]], prune: true)
    item.records?.keyField = "email"
    item.records?.idField = "id"
    item.records?.records = [
      Record(key: "new@x", fields: ["email": .string("new@x"), "id": .int(5)])
    ]
    var live = Self.live([])
    live.records = [
      Record(key: "old@x", fields: ["email": .string("old@x"), "id": .int(5)], id: .int(5))
    ]
    let draft = build([Fixtures.item("store/items"), item], [Fixtures.live("store/items"), live])
    let plan = Plan(
      platforms: [], project: "p", fingerprint: "f", operations: draft.operations, readsMade: 3)
    let steps = ApplyGraph.steps(for: plan)
    let add = try #require(steps.first { $0.record?.change.action == .add })
    let delete = try #require(steps.first { $0.record?.change.action == .delete })
    #expect(add.dependsOn.contains(delete.id))
    #expect(!delete.dependsOn.contains(add.id))
  }
}
