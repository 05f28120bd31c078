import HehoEngine
import HehoManifest
import Testing

/// Renames by `metadata.previousNames`: bots rename in place, stores (holding data) cannot, and
/// hooks refer to bots by ID.
@Suite struct RenameTests {
  static let kinds = [
    KindBehavior(kind: "store", holdsData: true, replacementReason: "stores cannot be altered"),
    KindBehavior(
      kind: "bot", replacementReason: "never", inPlaceFields: ["label", "name"],
      deletesDependents: true),
    KindBehavior(
      kind: "hook", replacementReason: "never", inPlaceFields: ["bot", "url", "name"],
      referenceFields: ["bot": "bot"]),
  ]

  func item(
    _ address: String, previous: [String] = [], _ fields: [String: Value] = [:],
    dependencies: [String] = []
  ) -> DesiredItem {
    var item = Fixtures.item(address, fields, dependencies: dependencies)
    item.previousNames = previous
    return item
  }

  func build(_ items: [DesiredItem], _ live: [LiveResource], prune: Bool = false)
    -> PlanBuilder.Draft
  {
    PlanBuilder(kinds: Self.kinds).build(
      items: items, live: LiveState(resources: live, readsMade: 1), prune: prune)
  }

  func operation(_ draft: PlanBuilder.Draft, _ address: String) -> PlannedOperation? {
    draft.operations.first { $0.address == Fixtures.address(address) }
  }

  @Test func aRenameInPlaceIsAnUpdateOfTheName() throws {
    let draft = build(
      [item("bot/new", previous: ["old"], ["label": .string("x")])],
      [Fixtures.live("bot/old", id: "b1", ["label": .string("x")])], prune: true)
    let rename = try #require(operation(draft, "bot/new"))
    #expect(rename.action == .update)
    #expect(rename.renamedFrom == "old")
    #expect(rename.liveID == "b1")
    #expect(rename.changes.map(\.field) == ["name"])
    #expect(rename.changes.first?.forcesReplacement == false)
    #expect(draft.unmanaged.isEmpty)
    #expect(draft.operations.count == 1, "the old name is not pruned")
    let steps = ApplyGraph.steps(for: plan(draft))
    #expect(steps.map(\.id) == ["update bot/new"])
    #expect(steps.first?.changedFields == ["name"])
    let text = TextRenderer(color: false).render(plan(draft))
    #expect(text.contains("~ rename old → new"), "\(text)")
    #expect(text.contains("will be renamed in place from 'old'"), "\(text)")
  }

  @Test func aRenameThatCannotHappenInPlaceReplacesAndDeletesTheOldName() throws {
    let draft = build(
      [item("store/new", previous: ["old"])], [Fixtures.live("store/old", id: "s1")])
    let replace = try #require(operation(draft, "store/new"))
    #expect(replace.action == .replace)
    #expect(replace.reasons.contains { $0.contains("the rename forces a replacement") })
    #expect(replace.liveAddress == Fixtures.address("store/old"))
    let steps = ApplyGraph.steps(for: plan(draft))
    #expect(steps.map(\.id) == ["delete store/old", "create store/new"])
    #expect(steps[0].liveID == "s1")
    #expect(steps[1].dependsOn == ["delete store/old"])
  }

  @Test func theOwnNameWinsAndThePreviousOneIsLeftWithANote() throws {
    let draft = build(
      [item("bot/new", previous: ["old"])],
      [Fixtures.live("bot/new", id: "b2"), Fixtures.live("bot/old", id: "b1")])
    #expect(operation(draft, "bot/new")?.action == .noop)
    #expect(draft.unmanaged.map(\.liveID) == ["b1"])
    #expect(draft.notes.contains { $0.contains("bot/old") && $0.contains("not renamed") })
  }

  @Test func aReusedNameIsCreatedAfterTheRenameFreesIt() throws {
    let draft = build(
      [item("bot/b", previous: ["a"]), item("bot/a", ["label": .string("fresh")])],
      [Fixtures.live("bot/a", id: "b1")])
    #expect(operation(draft, "bot/b")?.action == .update)
    #expect(operation(draft, "bot/a")?.action == .create)
    let steps = ApplyGraph.steps(for: plan(draft))
    let create = try #require(steps.first { $0.id == "create bot/a" })
    #expect(create.dependsOn == ["update bot/b"])
  }

  @Test func aReusedStoreNameIsCreatedAfterTheOldStoreIsDeleted() throws {
    let draft = build(
      [item("store/b", previous: ["a"]), item("store/a")], [Fixtures.live("store/a", id: "s1")])
    let steps = ApplyGraph.steps(for: plan(draft))
    let create = try #require(steps.first { $0.id == "create store/a" })
    #expect(create.dependsOn == ["delete store/a"])
  }

  @Test func chainsRenameInOrder() throws {
    let draft = build(
      [item("bot/c", previous: ["b"]), item("bot/b", previous: ["a"])],
      [Fixtures.live("bot/a", id: "b1"), Fixtures.live("bot/b", id: "b2")])
    #expect(operation(draft, "bot/c")?.liveID == "b2")
    #expect(operation(draft, "bot/b")?.liveID == "b1")
    let steps = ApplyGraph.steps(for: plan(draft))
    let second = try #require(steps.first { $0.id == "update bot/b" })
    #expect(second.dependsOn == ["update bot/c"])
  }

  @Test func aSwapIsNotARename() {
    let draft = build(
      [item("bot/a", previous: ["b"]), item("bot/b", previous: ["a"])],
      [Fixtures.live("bot/a", id: "b1"), Fixtures.live("bot/b", id: "b2")])
    #expect(draft.operations.allSatisfy { $0.action == .noop && $0.renamedFrom == nil })
  }

  @Test func referencesFollowABotRenamedInPlace() {
    let draft = build(
      [
        item("bot/new", previous: ["old"]),
        item("hook/h", ["bot": .string("new")], dependencies: ["bot/new"]),
      ],
      [
        Fixtures.live("bot/old", id: "b1"),
        Fixtures.live("hook/h", id: "h1", ["bot": .string("old")], dependencies: ["bot/old"]),
      ])
    #expect(operation(draft, "hook/h")?.action == .noop)
  }

  @Test func anAmbiguousPreviousNameIsRefused() {
    let draft = build(
      [item("bot/new", previous: ["old"])],
      [Fixtures.live("bot/old", id: "b1"), Fixtures.live("bot/old", id: "b2")])
    #expect(draft.problems.map(\.kind) == [.ambiguous])
    #expect(draft.problems.first?.message.contains("b1, b2") == true)
  }

  @Test func aPreviousNameNotOnThePlatformIsACreate() {
    let draft = build([item("bot/new", previous: ["old"])], [])
    #expect(operation(draft, "bot/new")?.action == .create)
    #expect(operation(draft, "bot/new")?.renamedFrom == nil)
  }

  @Test func aRenamedBotsDeleteNamesItsDependentsUnderTheOldName() throws {
    var kinds = Self.kinds
    kinds[1].inPlaceFields.remove("name")
    let draft = PlanBuilder(kinds: kinds).build(
      items: [item("bot/new", previous: ["old"])],
      live: LiveState(
        resources: [
          Fixtures.live("bot/old", id: "b1"),
          Fixtures.live("hook/h", id: "h1", dependencies: ["bot/old"]),
        ], readsMade: 1), prune: false)
    let replace = try #require(operation(draft, "bot/new"))
    #expect(replace.action == .replace)
    #expect(replace.warnings.contains { $0.contains("hook/h") }, "\(replace.warnings)")
  }

  func plan(_ draft: PlanBuilder.Draft) -> Plan {
    Plan(
      platforms: [], project: "p", environment: nil, fingerprint: "f",
      operations: draft.operations, unmanaged: draft.unmanaged, problems: draft.problems,
      notes: draft.notes, readsMade: 1)
  }
}
