import Foundation
import HehoManifest
import PlatformKit
import PlatformRegistry
import Testing

@Suite("ConversationTest targets and webhooks")
struct ConversationTargetTests {
  typealias Fixture = ConversationFixtures

  func load(_ tests: String...) throws -> LoadResult {
    let files = try TemporaryManifests([
      "resources.yaml": Fixture.resources, "tests.yaml": tests.joined(separator: "---\n"),
    ])
    return files.load()
  }

  /// Loads one test, `t`, whose single turn targets `target`.
  func loadTargeting(_ target: String) throws -> LoadResult {
    try load(Fixture.oneTurn("t", target: target, expect: "        rubric: ok"))
  }

  @Test func aMisspeltTargetSuggestsADeclaredConversationalResource() throws {
    let result = try loadTargeting("bot/helpdsk")
    result.expectOneError(
      "tests.yaml:6:11: error: ConversationTest 't' targets 'bot/helpdsk', which no manifest "
        + "declares; did you mean 'bot/helpdesk'?")
  }

  @Test func anUnknownTargetListsTheDeclaredOnes() throws {
    let result = try loadTargeting("chatbot/shop")
    result.expectMessage(
      "tests.yaml:6:11: error: ConversationTest 't' targets 'chatbot/shop', which no manifest "
        + "declares (declared: bot/helpdesk, agent/website-chat)")
  }

  @Test func aNonConversationalTargetNamesTheKindsATestMayTarget() throws {
    let result = try loadTargeting("table/products")
    result.expectOneError(
      "tests.yaml:6:11: error: ConversationTest 't' targets 'table/products', a Table, which "
        + "holds no conversations; a test targets a Chatbot, Bot or Agent (declared: "
        + "bot/helpdesk, agent/website-chat)")
  }

  @Test func aWebhookTargetIsNotConversational() throws {
    let result = try loadTargeting("webhook/crm-leads")
    result.expectMessage("a Webhook, which holds no conversations")
  }

  @Test func webhookDeliveredNamesADeclaredWebhook() throws {
    let result = try load(
      Fixture.oneTurn(
        "t", expect: "        webhookDelivered: { webhook: crm-lead, event: lead.captured }"),
      Fixture.oneTurn(
        "u", expect: "        webhookDelivered: { webhook: helpdesk, event: lead.captured }"))
    #expect(result.errors.count == 2, "\(result.messages)")
    result.expectMessage(
      "tests.yaml:10:38: error: ConversationTest 't' expects a delivery to 'crm-lead', which "
        + "no manifest declares as a Webhook; did you mean 'crm-leads'?")
    result.expectMessage(
      "ConversationTest 'u' expects a delivery to 'helpdesk', which no manifest declares as a "
        + "Webhook (declared: crm-leads)")
  }

  @Test func anEventTheWebhookDoesNotGetIsAWarning() throws {
    let result = try load(
      Fixture.oneTurn(
        "t", expect: "        webhookDelivered: { webhook: crm-leads, event: lead.capture }"))
    #expect(!result.hasErrors, "\(result.messages)")
    #expect(result.state?.tests.count == 1)
    result.expectMessage(
      "tests.yaml:10:56: warning: ConversationTest 't' expects 'lead.capture' at Webhook "
        + "'crm-leads', which does not subscribe to it (its events: lead.captured); did you "
        + "mean 'lead.captured'?")
  }

  @Test func aTargetWhoseOwnDocumentHasErrorsIsNotReportedMissing() throws {
    let files = try TemporaryManifests([
      "resources.yaml": Fixture.resources.replacingOccurrences(
        of: "bot: helpdesk", with: "bot: helpdesk\n  colour: red"
      ).replacingOccurrences(of: "  model: gpt-oss-120b\n", with: "  model: [a, b]\n"),
      "tests.yaml": Fixture.oneTurn(
        "t", expect: "        webhookDelivered: { webhook: crm-leads, event: lead.captured }"),
      "permission.yaml": Fixtures.permission("p", chatbot: "shop", table: "products")
        + "---\n" + Fixtures.chatbot("shop", extra: "  tonne: friendly\n"),
    ])
    let result = files.load()
    // The bot's, the webhook's and the chatbot's own errors, and nothing about the test or
    // the permission that name them.
    #expect(result.errors.count == 3, "\(result.messages)")
    #expect(!result.messages.contains("which no manifest declares"), "\(result.messages)")
  }

  @Test func everyConversationalKindMayBeTargeted() throws {
    let kinds = PlatformRegistry.standard.kindRegistry.kinds
    #expect(kinds.filter(\.converses).map(\.name).sorted() == ["Agent", "Bot", "Chatbot"])
    #expect(kinds.filter(\.deliversEvents).map(\.name) == ["Webhook"])
    let result = try load(
      Fixture.oneTurn("bot", expect: "        contains: [a]"),
      Fixture.oneTurn("agent", target: "agent/website-chat", expect: "        contains: [a]"))
    #expect(result.diagnostics.isEmpty, "\(result.messages)")
  }

  @Test func theRegistryKeepsProjectKindsOutOfThePlatforms() throws {
    let registry = PlatformRegistry.standard.kindRegistry
    #expect(registry.projectKinds.map(\.name) == ["ConversationTest"])
    #expect(registry.names.contains("ConversationTest"))
    #expect(registry.group(ofKind: "ConversationTest") == nil)
    #expect(registry.apiVersion(ofKind: "ConversationTest") == "heho/v1")
    #expect(!registry.groups.flatMap(\.kinds).contains { $0.name == "ConversationTest" })
    #expect(registry.providerDefaults.keys.sorted() == ["bothero", "heho", "heppu"])
  }

  @Test func aMisspeltKindSuggestsConversationTest() throws {
    let result = try load(
      Fixture.oneTurn("t", expect: "        rubric: ok")
        .replacingOccurrences(of: "kind: ConversationTest", with: "kind: ConversationTests"))
    result.expectMessage(
      "tests.yaml:2:7: error: unknown kind 'ConversationTests'; did you mean 'ConversationTest'?"
    )
  }

  @Test func theExamplesStillLoad() throws {
    for example in ["support-desk", "omnichannel", "bothero-support", "reference-data"] {
      let path = Fixtures.repositoryRoot.appendingPathComponent("examples/\(example)").path
      let result = ManifestLoader(registry: PlatformRegistry.standard.kindRegistry).load(
        LoadOptions(
          path: path, processEnvironment: ["CRM_WEBHOOK_SECRET": "a-long-enough-secret"]))
      #expect(!result.hasErrors, "\(example): \(result.messages)")
      #expect(result.state?.resources.isEmpty == false)
    }
  }
}
