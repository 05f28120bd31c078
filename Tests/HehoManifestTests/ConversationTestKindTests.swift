import Foundation
import HehoManifest
import Testing

@Suite("ConversationTest manifests")
struct ConversationTestKindTests {
  typealias Fixture = ConversationFixtures

  func load(_ tests: String..., file: String = "tests.yaml") throws -> LoadResult {
    let files = try TemporaryManifests([
      "heho.yaml": Fixture.project, "resources.yaml": Fixture.resources,
      file: tests.joined(separator: "---\n"),
    ])
    return files.load()
  }

  @Test func aValidTestLoadsIntoTestsNotResources() throws {
    let result = try load(Fixture.returnsPolicy)
    #expect(result.diagnostics.isEmpty, "\(result.messages)")
    let state = try #require(result.state)
    #expect(state.resources.count == 4)
    #expect(!state.resources.contains { $0.kind == "ConversationTest" })
    let test = try #require(state.tests.first)
    #expect(state.tests.count == 1)
    #expect(test.address == ResourceAddress(kind: "conversationtest", name: "returns-policy"))
    #expect(test.spec["target"] == .string("bot/helpdesk"))
    #expect(test.spec["repeat"] == .int(3))
    #expect(test.spec["minPassRate"] == .double(0.5))
    #expect(test.references.isEmpty)
    let turns = try #require(test.spec["turns"]?.arrayValue)
    #expect(turns.count == 2)
    let first = try #require(turns[0]["expect"])
    #expect(first["contains"] == .array([.string("30 days")]))
    #expect(first["notContains"] == .array([.string("I don't know")]))
    #expect(first["matches"] == .string("(?i)free"))
    #expect(first["citesDocument"] == .string("returns.md"))
    #expect(first["rubric"] == .string("Polite and names the deadline."))
    #expect(turns[1]["user"] == .string("Please call me back, my email is ann@example.com"))
    let second = try #require(turns[1]["expect"])
    #expect(second["leadCaptured"] == .bool(true))
    #expect(
      second["webhookDelivered"]
        == .object(["webhook": .string("crm-leads"), "event": .string("lead.captured")]))
    #expect(test.location.file.hasSuffix("tests.yaml"))
    #expect(test.location.line == 2)
  }

  @Test func validateCountsTheTests() throws {
    let report = ValidationReport(try load(Fixture.returnsPolicy))
    #expect(report.summary == "Valid: 4 resources and 1 conversation test in 3 files.")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
    #expect(json["tests"] as? [String] == ["conversationtest/returns-policy"])
    #expect((json["resources"] as? [String])?.count == 4)
  }

  @Test func testsInASubdirectoryAreFound() throws {
    let result = try load(
      Fixture.oneTurn("nested", expect: "        contains: [hello]"), file: "tests/bots/a.yaml")
    #expect(result.diagnostics.isEmpty, "\(result.messages)")
    #expect(result.state?.tests.map(\.name) == ["nested"])
    #expect(result.files.contains { $0.hasSuffix("tests/bots/a.yaml") })
  }

  @Test func testsKeepFileAndPositionOrder() throws {
    let result = try load(
      Fixture.oneTurn("zeta", expect: "        contains: [a]"),
      Fixture.oneTurn("alpha", target: "agent/website-chat", expect: "        rubric: kind"))
    #expect(result.diagnostics.isEmpty, "\(result.messages)")
    #expect(result.state?.tests.map(\.name) == ["zeta", "alpha"])
  }

  @Test func theKindAsWrittenInManifestsIsAnAddress() throws {
    let result = try load(
      Fixture.oneTurn("written", target: "Bot/helpdesk", expect: "        leadCaptured: false"))
    #expect(result.diagnostics.isEmpty, "\(result.messages)")
    #expect(result.state?.tests.first?.spec["target"] == .string("bot/helpdesk"))
  }

  @Test func aMisspeltExpectationSuggestsTheRightOne() throws {
    let result = try load(Fixture.oneTurn("typo", expect: "        contain: [30 days]"))
    result.expectOneError(
      "tests.yaml:10:9: error: unknown field 'contain' in expect; did you mean 'contains'?")
  }

  @Test func aBadRegularExpressionIsPositionedAndExplained() throws {
    let result = try load(Fixture.oneTurn("regex", expect: "        matches: \"(free\""))
    result.expectOneError(
      "tests.yaml:10:18: error: ConversationTest 'regex': turns[0].expect.matches '(free' is "
        + "not a valid regular expression: expected ')'")
  }

  @Test func numbersOutOfRangeArePositioned() throws {
    let result = try load(
      Fixture.test(
        "numbers",
        spec: """
            repeat: 0
            minPassRate: 1.5
            turns: [{ user: Hi }]
          """))
    #expect(result.errors.count == 2, "\(result.messages)")
    result.expectMessage(
      "tests.yaml:7:11: error: ConversationTest 'numbers': repeat must be a whole number from "
        + "1 to 100, found 0")
    result.expectMessage(
      "tests.yaml:8:16: error: ConversationTest 'numbers': minPassRate must be a number from "
        + "0.0 to 1.0 (the share of runs that must pass), found 1.5")
  }

  @Test func aWholeRepeatWrittenAsADecimalIsAWholeNumber() throws {
    let result = try load(Fixture.test("decimal", spec: "  repeat: 2.0\n  turns: [{ user: Hi }]"))
    #expect(result.diagnostics.isEmpty, "\(result.messages)")
    #expect(result.state?.tests.first?.spec["repeat"] == .int(2))
  }

  @Test func turnsAndTextsHaveBounds() throws {
    let many = (0...100).map { "    - user: message \($0)" }.joined(separator: "\n")
    let result = try load(
      Fixture.test("many", spec: "  turns:\n" + many),
      Fixture.test("none", spec: "  turns: []"),
      Fixture.oneTurn("empty", expect: "        contains: []\n        notContains: [\"\"]"))
    result.expectMessage("'spec.turns' takes at most 100 item(s), found 101")
    result.expectMessage("'spec.turns' needs at least 1 item(s), found 0")
    result.expectMessage("'spec.turns[0].expect.contains' needs at least 1 item(s)")
    result.expectMessage(
      "error: text is 0 characters long; it must be at least 1 characters")
  }

  @Test func missingFieldsAndAWrongTargetShapeAreReported() throws {
    let result = try load(
      Fixture.test(
        "shapes", target: "helpdesk",
        spec: "  turns:\n    - expect: { webhookDelivered: { webhook: crm-leads } }"))
    result.expectMessage(
      "tests.yaml:6:11: error: target 'helpdesk' is not valid: expected KIND/NAME, such as "
        + "bot/helpdesk or chatbot/shop-assistant")
    result.expectMessage("missing required field 'user' in turn")
    result.expectMessage("missing required field 'event' in webhookDelivered")
  }

  @Test func aTestHasNoLifecycle() throws {
    let result = try load(
      Fixture.oneTurn("guarded", expect: "        contains: [a]")
        + "lifecycle:\n  preventDestroy: true\n")
    result.expectMessage("unknown field 'lifecycle' in ConversationTest document")
  }

  @Test func duplicateTestNamesAreAnError() throws {
    let result = try load(
      Fixture.oneTurn("same", expect: "        contains: [a]"),
      Fixture.oneTurn("same", expect: "        contains: [b]"))
    result.expectMessage("duplicate ConversationTest 'same': already declared at ")
  }
}
