import HehoEngine
import HehoManifest
import Testing

@Suite("Affected tests and coverage")
struct AffectedTestsTests {
  static func address(_ text: String) -> ResourceAddress { Fixtures.address(text) }

  /// A shop: two chatbots reading one table (through permissions), the table's rows, a bot
  /// with a document and a webhook, and an agent.
  static let items = [
    Fixtures.item("table/products"),
    Fixtures.item("tabledata/products", dependencies: ["table/products"]),
    Fixtures.item("chatbot/shop"),
    Fixtures.item("chatbot/other"),
    Fixtures.item("permission/shop-products", dependencies: ["chatbot/shop", "table/products"]),
    Fixtures.item("permission/other-products", dependencies: ["chatbot/other", "table/products"]),
    Fixtures.item("bot/helpdesk"),
    Fixtures.item("knowledgedocument/policies/returns.md", dependencies: ["bot/helpdesk"]),
    Fixtures.item("webhook/crm", dependencies: ["bot/helpdesk"]),
    Fixtures.item("agent/website"),
  ]
  static let kinds = [
    KindBehavior(kind: "table", replacementReason: "-"),
    KindBehavior(kind: "tabledata", replacementReason: "-", recordContainer: "table"),
    KindBehavior(kind: "chatbot", replacementReason: "-", conversationRole: .conversational),
    KindBehavior(kind: "permission", replacementReason: "-"),
    KindBehavior(kind: "bot", replacementReason: "-", conversationRole: .conversational),
    KindBehavior(kind: "knowledgedocument", replacementReason: "-", conversationRole: .document),
    KindBehavior(kind: "webhook", replacementReason: "-", conversationRole: .webhook),
    KindBehavior(kind: "agent", replacementReason: "-", conversationRole: .conversational),
  ]

  static func test(_ name: String, _ target: String, _ expectations: [TurnExpectation] = [])
    -> ConversationTest
  {
    ConversationTest(
      name: name, target: address(target),
      turns: [ConversationTurn(user: "hi", expectations: expectations)],
      location: SourceLocation(file: "t.yaml", line: 1, column: 1))
  }

  static let tests = [
    test("shop", "chatbot/shop"), test("other", "chatbot/other"),
    test("helpdesk", "bot/helpdesk"), test("website", "agent/website"),
  ]

  func selected(_ operations: [PlannedOperation]) -> [String] {
    AffectedTests(items: Self.items, kinds: Self.kinds).select(Self.tests, operations: operations)
      .map(\.name)
  }

  @Test("a chatbot reads its permissions, the tables they grant and the tables' rows")
  func reads() {
    let reads = AffectedTests(items: Self.items, kinds: Self.kinds).reads(
      Self.address("chatbot/shop"))
    #expect(
      reads
        == Set(
          ["chatbot/shop", "permission/shop-products", "table/products", "tabledata/products"]
            .map(Self.address)))
  }

  @Test("each change selects exactly the tests that read it")
  func selection() {
    func op(_ address: String, _ action: PlannedOperation.Action, live: [String] = [])
      -> PlannedOperation
    {
      PlannedOperation(
        address: Self.address(address), action: action, liveDependsOn: live.map(Self.address))
    }
    #expect(selected([op("chatbot/shop", .update)]) == ["shop"])
    #expect(selected([op("tabledata/products", .update)]) == ["shop", "other"])
    #expect(selected([op("permission/other-products", .delete)]) == ["other"])
    #expect(selected([op("knowledgedocument/policies/returns.md", .update)]) == ["helpdesk"])
    #expect(
      selected([op("knowledgedocument/old.md", .delete, live: ["bot/helpdesk"])]) == ["helpdesk"]
    )
    #expect(selected([op("webhook/crm", .update)]) == ["helpdesk"])
    #expect(selected([op("agent/website", .update)]) == ["website"])
    #expect(selected([op("chatbot/shop", .noop), op("agent/website", .noop)]).isEmpty)
  }

  @Test("coverage lists untargeted resources, uncited documents and unexpected webhooks")
  func coverage() {
    let partial = TestCoverage(
      tests: [Self.test("shop", "chatbot/shop", [.citesDocument("returns.md")])],
      items: Self.items, kinds: Self.kinds)
    #expect(
      partial.untested == ["agent/website", "bot/helpdesk", "chatbot/other"])
    #expect(partial.uncited.isEmpty)
    #expect(partial.unexpected == ["webhook/crm"])
    #expect(partial.counts == ["conversational": 4, "document": 1, "webhook": 1])
    #expect(!partial.isComplete)
    let full = TestCoverage(
      tests: Self.tests + [
        Self.test(
          "lead", "bot/helpdesk",
          [
            .citesDocument("policies/returns.md"),
            .webhookDelivered(webhook: "crm", event: "lead.captured"),
          ])
      ], items: Self.items, kinds: Self.kinds)
    #expect(full.isComplete)
  }
}
