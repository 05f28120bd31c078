/// Manifests for conversation tests: a BotHero bot with a webhook, a HeHo table, a Heppu agent,
/// and `ConversationTest` documents of them.
enum ConversationFixtures {
  /// A project file whose variable `email` a test's message uses.
  static let project = """
    apiVersion: heho/v1
    kind: Project
    metadata:
      name: conversations
    spec:
      variables:
        email: ann@example.com

    """

  /// A bot, a webhook of its leads, a table and a chat agent.
  static let resources = Fixtures.documents(
    """
    apiVersion: bothero/v1
    kind: Bot
    metadata:
      name: helpdesk
    spec:
      model: gpt-oss-120b
      instructions: Answer questions about returns.

    """,
    """
    apiVersion: bothero/v1
    kind: Webhook
    metadata:
      name: crm-leads
    spec:
      url: https://crm.example.com/hooks
      events: [lead.captured]
      bot: helpdesk

    """,
    Fixtures.table("products"),
    """
    apiVersion: heppu/v1
    kind: Agent
    metadata:
      name: website-chat
    spec:
      type: chat

    """)

  /// A `ConversationTest` named `name` of `target`, whose spec goes on with `spec` (indented
  /// by two spaces, after `target`).
  static func test(_ name: String, target: String = "bot/helpdesk", spec: String) -> String {
    """
    apiVersion: heho/v1
    kind: ConversationTest
    metadata:
      name: \(name)
    spec:
      target: \(target)
    \(spec)

    """
  }

  /// A test with one turn that expects `expect` (each line indented by eight spaces).
  static func oneTurn(_ name: String, target: String = "bot/helpdesk", expect: String) -> String {
    test(
      name, target: target,
      spec: """
          turns:
            - user: Hello
              expect:
        \(expect)
        """)
  }

  /// The test of the issue: every kind of expectation.
  static let returnsPolicy = test(
    "returns-policy",
    spec: """
        repeat: 3
        minPassRate: 0.5
        turns:
          - user: How long do I have to return an item?
            expect:
              contains: ["30 days"]
              notContains: ["I don't know"]
              matches: "(?i)free"
              citesDocument: returns.md
              rubric: Polite and names the deadline.
          - user: Please call me back, my email is ${var.email}
            expect:
              leadCaptured: true
              webhookDelivered: { webhook: crm-leads, event: lead.captured }
      """)
}
