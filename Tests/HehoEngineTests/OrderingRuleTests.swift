import HehoManifest
import Testing

@testable import HehoEngine

/// Each ordering rule of the apply graph alone: the edges (and steps) it adds to the steps of
/// a plan, and none else.
@Suite struct OrderingRuleTests {
  func graph(_ operations: [PlannedOperation]) -> ApplyGraphBuilder {
    ApplyGraphBuilder(
      plan: Plan(
        platforms: [], project: "p", fingerprint: "f", operations: operations, readsMade: 1))
  }

  func operation(
    _ address: String, _ action: PlannedOperation.Action, dependsOn: [String] = [],
    liveDependsOn: [String] = []
  ) -> PlannedOperation {
    PlannedOperation(
      address: Fixtures.address(address), action: action, liveID: "id-\(address)",
      dependsOn: dependsOn.map(Fixtures.address),
      liveDependsOn: liveDependsOn.map(Fixtures.address), payload: [:])
  }

  /// Each step's ID and what it waits for, after `rule`.
  func edges(_ rule: some OrderingRule, _ operations: [PlannedOperation]) -> [String: [String]] {
    var graph = graph(operations)
    rule.apply(to: &graph)
    return Dictionary(uniqueKeysWithValues: graph.steps.map { ($0.id, $0.dependsOn) })
  }

  @Test func theStepsAloneOrderOnlyAReplace() {
    let graph = graph([
      operation("store/s", .create), operation("bot/b", .replace, dependsOn: ["store/s"]),
    ])
    #expect(graph.steps.map(\.id) == ["create store/s", "delete bot/b", "create bot/b"])
    #expect(graph.steps.map(\.dependsOn) == [[], [], ["delete bot/b"]])
  }

  @Test func aBuildWaitsForTheBuildsOfWhatItDependsOn() {
    let edges = edges(
      BuildAfterDependenciesRule(),
      [
        operation("store/s", .create), operation("bot/b", .update, dependsOn: ["store/s"]),
        operation("bot/c", .create, dependsOn: ["store/gone"]),
      ])
    #expect(
      edges == ["create store/s": [], "update bot/b": ["create store/s"], "create bot/c": []])
  }

  @Test func aDeleteWaitsForTheDeletesOfItsUsers() {
    let edges = edges(
      DeleteAfterUsersRule(),
      [operation("store/s", .delete), operation("bot/b", .delete, liveDependsOn: ["store/s"])])
    #expect(edges == ["delete store/s": ["delete bot/b"], "delete bot/b": []])
  }

  @Test func aNameIsTakenOnceARenameFreesIt() {
    var rename = operation("bot/new", .update)
    rename.renamedFrom = "old"
    let edges = edges(TakeNameAfterFreedRule(), [rename, operation("bot/old", .create)])
    #expect(edges == ["update bot/new": [], "create bot/old": ["update bot/new"]])
  }

  @Test func aTakenValueWaitsForAReleaseStepOfItsOwn() {
    var giver = operation("agent/a", .update)
    giver.changes = [
      FieldChange(field: "numbers", before: .array([.string("+1")]), after: .array([]))
    ]
    giver.releases = ["numbers=+1"]
    var taker = operation("agent/c", .create)
    taker.takes = ["numbers=+1"]
    let edges = edges(ReleaseBeforeTakeRule(), [giver, taker])
    let release = "update agent/a (release numbers)"
    #expect(edges == ["update agent/a": [release], release: [], "create agent/c": [release]])
  }

  @Test func everyOtherWriteWaitsForEveryConnect() {
    let edges = edges(
      ConnectsFirstRule(),
      [
        operation("store/s", .connect), operation("store/t", .connect),
        operation("bot/b", .delete),
      ])
    #expect(
      edges == [
        "connect store/s": [], "connect store/t": [],
        "delete bot/b": ["connect store/s", "connect store/t"],
      ])
  }
}
