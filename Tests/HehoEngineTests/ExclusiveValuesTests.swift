import HehoEngine
import HehoManifest
import Testing

/// Exclusive values (phone numbers): released before taken, swaps included, and refused when
/// an unmanaged resource holds one.
@Suite struct ExclusiveValuesTests {
  static let kinds = [
    KindBehavior(
      kind: "agent", replacementReason: "type", inPlaceFields: ["numbers", "label"],
      exclusiveFields: ["numbers"])
  ]

  func numbers(_ values: String...) -> [String: Value] {
    ["numbers": .array(values.map(Value.string))]
  }

  func build(_ items: [DesiredItem], _ live: [LiveResource], prune: Bool = false)
    -> PlanBuilder.Draft
  {
    PlanBuilder(kinds: Self.kinds).build(
      items: items, live: LiveState(resources: live, readsMade: 1), prune: prune)
  }

  func steps(_ draft: PlanBuilder.Draft) -> [String: ApplyStep] {
    let plan = Plan(
      platforms: [], project: "p", fingerprint: "f", operations: draft.operations,
      unmanaged: draft.unmanaged, problems: draft.problems, readsMade: 1)
    return Dictionary(uniqueKeysWithValues: ApplyGraph.steps(for: plan).map { ($0.id, $0) })
  }

  @Test func aSwapReleasesBothFirst() throws {
    let draft = build(
      [
        Fixtures.item("agent/a", numbers("+2")), Fixtures.item("agent/b", numbers("+1")),
      ],
      [
        Fixtures.live("agent/a", id: "a", numbers("+1")),
        Fixtures.live("agent/b", id: "b", numbers("+2")),
      ])
    #expect(draft.problems.isEmpty)
    let steps = steps(draft)
    let releaseA = try #require(steps["update agent/a (release numbers)"])
    let releaseB = try #require(steps["update agent/b (release numbers)"])
    #expect(releaseA.changedPayload == ["numbers": .array([])])
    #expect(releaseA.dependsOn.isEmpty && releaseB.dependsOn.isEmpty)
    #expect(
      Set(try #require(steps["update agent/a"]).dependsOn) == [releaseA.id, releaseB.id])
    #expect(
      Set(try #require(steps["update agent/b"]).dependsOn) == [releaseA.id, releaseB.id])
  }

  @Test func aMoveToANewAgentWaitsForTheRelease() throws {
    let draft = build(
      [
        Fixtures.item("agent/a", numbers("+3")), Fixtures.item("agent/c", numbers("+1")),
      ],
      [Fixtures.live("agent/a", id: "a", numbers("+1", "+3"))])
    let steps = steps(draft)
    let release = try #require(steps["update agent/a (release numbers)"])
    #expect(release.changedPayload == ["numbers": .array([.string("+3")])])
    #expect(try #require(steps["create agent/c"]).dependsOn == [release.id])
  }

  @Test func aNumberOfADeletedAgentIsTakenAfterTheDelete() throws {
    let draft = build(
      [Fixtures.item("agent/c", numbers("+1"))], [Fixtures.live("agent/a", id: "a", numbers("+1"))],
      prune: true)
    #expect(draft.problems.isEmpty)
    #expect(try #require(steps(draft)["create agent/c"]).dependsOn == ["delete agent/a"])
  }

  @Test func aNumberAnUnmanagedAgentKeepsIsRefusedNamingIt() {
    let draft = build(
      [Fixtures.item("agent/c", numbers("+1"))], [Fixtures.live("agent/a", id: "a", numbers("+1"))])
    #expect(draft.problems.count == 1)
    #expect(draft.problems.first?.message.contains("held by agent/a (id a)") == true)
  }

  @Test func nothingMovesNothingIsSplit() {
    let draft = build(
      [Fixtures.item("agent/a", numbers("+1").merging(["label": .string("x")]) { a, _ in a })],
      [
        Fixtures.live(
          "agent/a", id: "a", numbers("+1").merging(["label": .string("y")]) { a, _ in a })
      ])
    #expect(steps(draft).keys.sorted() == ["update agent/a"])
  }
}
