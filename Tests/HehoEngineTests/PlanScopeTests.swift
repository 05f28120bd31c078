import HehoEngine
import HehoManifest
import Testing

@Suite struct PlanScopeTests {
  static let draft = Fixtures.build(
    [
      Fixtures.item("store/s"), Fixtures.item("store/t"),
      Fixtures.item("bot/b", dependencies: ["store/s"]),
      Fixtures.item("bot/c", dependencies: ["store/t"]),
    ], [])

  @Test func targetKeepsItsDependencies() {
    let scoped = PlanScope(targets: [Fixtures.address("bot/b")], excludes: []).apply(to: Self.draft)
    #expect(Set(scoped.operations.map(\.address.description)) == ["store/s", "bot/b"])
  }

  @Test func excludeDropsDependentsWithANote() {
    let scoped = PlanScope(targets: [], excludes: [Fixtures.address("store/t")]).apply(
      to: Self.draft)
    #expect(Set(scoped.operations.map(\.address.description)) == ["store/s", "bot/b"])
    #expect(scoped.notes.contains { $0.hasPrefix("bot/c is left out") })
  }

  @Test func unknownAddressIsAProblem() {
    let scoped = PlanScope(targets: [Fixtures.address("bot/nope")], excludes: []).apply(
      to: Self.draft)
    #expect(scoped.problems.map(\.kind) == [.invalid])
  }

  @Test func foldedSourceAddressTargetsItsOwner() {
    var item = Fixtures.item("bot/b", dependencies: ["store/s"])
    item.sources = [Fixtures.address("bot/b"), Fixtures.address("grant/b-s")]
    let draft = Fixtures.build([Fixtures.item("store/s"), item, Fixtures.item("store/t")], [])
    let scoped = PlanScope(targets: [Fixtures.address("grant/b-s")], excludes: []).apply(to: draft)
    #expect(Set(scoped.operations.map(\.address.description)) == ["store/s", "bot/b"])
  }
}
