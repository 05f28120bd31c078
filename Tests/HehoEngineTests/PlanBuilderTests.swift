import HehoEngine
import HehoManifest
import Testing

@Suite struct PlanBuilderTests {
  @Test func missingResourceIsCreatedWithEveryField() {
    let draft = Fixtures.build([Fixtures.item("store/a", ["size": .int(3)])], [])
    #expect(Fixtures.action(draft, "store/a") == .create)
    #expect(
      draft.operations[0].changes == [FieldChange(field: "size", before: nil, after: .int(3))])
  }

  /// Items are diffed on every core in chunks: the result is as if diffed one by one.
  @Test func aLargePlanFindsFieldsMissingOnEitherSideOfEveryItem() {
    let count = 2_000
    let items = (0..<count).map { index in
      Fixtures.item(
        "bot/b\(index)",
        ["label": .string("x")].merging(index % 3 == 0 ? ["extra": .int(1)] : [:]) { $1 })
    }
    let live = (0..<count).map { index in
      Fixtures.live(
        "bot/b\(index)",
        ["label": .string("x")].merging(index % 5 == 0 ? ["gone": .bool(true)] : [:]) { $1 })
    }
    let draft = Fixtures.build(items, live)
    #expect(draft.operations.map(\.address.name) == items.map(\.address.name).sorted())
    for operation in draft.operations {
      let index = Int(operation.address.name.dropFirst()) ?? -1
      let expected = (index % 3 == 0 ? ["extra"] : []) + (index % 5 == 0 ? ["gone"] : [])
      #expect(operation.changes.map(\.field) == expected, "\(operation.address)")
      #expect(operation.action == (expected.isEmpty ? .noop : .replace))
    }
  }

  @Test func equalFieldsAreNoOp() {
    let draft = Fixtures.build(
      [Fixtures.item("store/a", ["size": .int(3)])], [Fixtures.live("store/a", ["size": .int(3)])])
    #expect(Fixtures.action(draft, "store/a") == .noop)
    #expect(draft.operations[0].changes.isEmpty)
  }

  @Test func inPlaceFieldUpdatesAndOthersReplace() {
    let update = Fixtures.build(
      [Fixtures.item("bot/b", ["label": .string("new")])],
      [Fixtures.live("bot/b", ["label": .string("old")])])
    #expect(Fixtures.action(update, "bot/b") == .update)
    let replace = Fixtures.build(
      [Fixtures.item("bot/b", ["label": .string("new"), "goal": .string("x")])],
      [Fixtures.live("bot/b", ["label": .string("old"), "goal": .string("y")])])
    let operation = replace.operations[0]
    #expect(operation.action == .replace)
    #expect(operation.reasons == ["bots cannot be updated; changed: goal"])
    #expect(operation.warnings.contains { $0.contains("ID changes") })
    #expect(operation.changes.map(\.field) == ["goal", "label"])
    #expect(operation.changes.first { $0.field == "goal" }?.forcesReplacement == true)
  }

  @Test func ignoredFieldsAreNotChanges() {
    let lifecycle = Lifecycle(ignoreChanges: [.init(field: "goal", reason: "edited by support")])
    let draft = Fixtures.build(
      [Fixtures.item("bot/b", ["goal": .string("x")], lifecycle: lifecycle)],
      [Fixtures.live("bot/b", ["goal": .string("y")])])
    #expect(Fixtures.action(draft, "bot/b") == .noop)
  }

  @Test func unmanagedIsListedAndOnlyDeletedWhenPruning() {
    let live = [Fixtures.live("store/old")]
    let kept = Fixtures.build([], live, prune: false)
    #expect(kept.operations.isEmpty)
    #expect(
      kept.unmanaged == [
        UnmanagedResource(
          address: Fixtures.address("store/old"), liveID: "id-store/old", pruned: false)
      ])
    let pruned = Fixtures.build([], live, prune: true)
    #expect(Fixtures.action(pruned, "store/old") == .delete)
    #expect(pruned.unmanaged.first?.pruned == true)
  }

  @Test func duplicateLiveNamesAreAmbiguousAndUntouched() {
    let draft = Fixtures.build(
      [Fixtures.item("bot/b", ["goal": .string("x")])],
      [Fixtures.live("bot/b", id: "one"), Fixtures.live("bot/b", id: "two")], prune: true)
    #expect(draft.operations.isEmpty)
    #expect(draft.problems.count == 1)
    #expect(draft.problems[0].kind == .ambiguous)
    #expect(draft.problems[0].message.contains("one, two"))
  }

  @Test func duplicateLiveNamesNoManifestNamesAreUnmanagedUnlessTheProjectPrunes() {
    let live = [Fixtures.live("bot/b", id: "one"), Fixtures.live("bot/b", id: "two")]
    let kept = Fixtures.build([], live, prune: false)
    #expect(kept.problems.isEmpty)
    #expect(kept.operations.isEmpty)
    #expect(kept.unmanaged.map(\.liveID).sorted() == ["one", "two"])
    let pruned = Fixtures.build([], live, prune: true)
    #expect(pruned.operations.isEmpty)
    #expect(pruned.problems.map(\.kind) == [.ambiguous])
  }

  @Test func connectWhenMissingNoOpWhenPresent() {
    let item = Fixtures.item("store/legacy", mode: .connect)
    #expect(Fixtures.action(Fixtures.build([item], []), "store/legacy") == .connect)
    let present = Fixtures.build([item], [Fixtures.live("store/legacy", ["size": .int(1)])])
    #expect(Fixtures.action(present, "store/legacy") == .noop)
  }

  @Test func connectedResourceThatDiffersIsNotedNotChanged() {
    let item = Fixtures.item("store/legacy", ["size": .int(2)], mode: .connect)
    let draft = Fixtures.build([item], [Fixtures.live("store/legacy", ["size": .int(1)])])
    #expect(Fixtures.action(draft, "store/legacy") == .noop)
    #expect(draft.notes.contains { $0.contains("never alters a connected resource") })
  }

  @Test func replacingAStoreReplacesTheBotThatUsesIt() {
    let draft = Fixtures.build(
      [
        Fixtures.item("store/s", ["size": .int(2)]),
        Fixtures.item("bot/b", ["goal": .string("x")], dependencies: ["store/s"]),
      ],
      [
        Fixtures.live("store/s", ["size": .int(1)]),
        Fixtures.live("bot/b", ["goal": .string("x")], dependencies: ["store/s"]),
      ])
    let bot = draft.operations.first { $0.address == Fixtures.address("bot/b") }
    #expect(bot?.action == .replace)
    #expect(bot?.reasons.first?.contains("uses store/s, which is replaced") == true)
  }

  @Test func orderPutsConnectsFirstDependenciesBeforeUsersAndDeletesLastReversed() {
    let draft = Fixtures.build(
      [
        Fixtures.item("bot/b", ["goal": .string("x")], dependencies: ["store/s"]),
        Fixtures.item("store/s"), Fixtures.item("store/legacy", mode: .connect),
      ],
      [Fixtures.live("store/old"), Fixtures.live("bot/old", dependencies: ["store/old"])],
      prune: true)
    #expect(
      draft.operations.map(\.address.description) == [
        "store/legacy", "store/s", "bot/b", "bot/old", "store/old",
      ])
  }
}

@Suite struct DifferOrderTests {
  @Test func groupMembersFollowTheirListOrder() {
    let fields: [String: Value] = [
      "columns": .array([.string("id"), .string("added")]),
      "columns.added.type": .string("date"), "columns.id.type": .string("uuid"),
      "columns.id.required": .bool(true), "access.b": .array([]), "access.a": .array([]),
    ]
    let draft = Fixtures.build([Fixtures.item("store/s", fields)], [])
    #expect(
      draft.operations[0].changes.map(\.field) == [
        "access.a", "access.b", "columns", "columns.id.required", "columns.id.type",
        "columns.added.type",
      ])
  }
}
