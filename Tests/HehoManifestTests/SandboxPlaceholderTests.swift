import Foundation
import HehoManifest
import PlatformKit
import PlatformRegistry
import Testing

@Suite("Sandbox placeholders for unset environment variables")
struct SandboxPlaceholderTests {
  static let project = """
    apiVersion: heho/v1
    kind: Project
    metadata:
      name: shop
    spec:
      variables:
        crm: ${env.CRM_HOST}
    """
  static let webhook = """
    apiVersion: bothero/v1
    kind: Bot
    metadata:
      name: helpdesk
    spec:
      instructions: Answer questions.
    ---
    apiVersion: bothero/v1
    kind: Webhook
    metadata:
      name: crm
    spec:
      url: https://${var.crm}/hooks
      events: [lead.captured]
      bot: helpdesk
      secret: ${env.CRM_SECRET}
    """

  func load(sandbox: Bool) throws -> LoadResult {
    let files = try TemporaryManifests(["heho.yaml": Self.project, "bot.yaml": Self.webhook])
    var options = LoadOptions(path: files.path, processEnvironment: [:])
    options.sandboxPlaceholders = sandbox
    return ManifestLoader(registry: PlatformRegistry.standard.kindRegistry).load(options)
  }

  @Test("outside a sandbox an unset variable is an error, positioned")
  func errorOutside() throws {
    let result = try load(sandbox: false)
    #expect(result.state == nil)
    let messages = result.diagnostics.map(\.description)
    #expect(
      messages.contains {
        $0.contains("bot.yaml:16:11: error: environment variable 'CRM_SECRET' is not set")
      }, "\(messages)")
  }

  @Test("in a sandbox it is a placeholder and a warning, and the document still loads")
  func placeholderInside() throws {
    let result = try load(sandbox: true)
    let messages = result.diagnostics.map(\.description)
    #expect(!result.hasErrors, "\(messages)")
    #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
    #expect(
      messages.contains { $0.contains("'CRM_SECRET' is not set; the sandbox uses a placeholder") })
    #expect(
      messages.contains { $0.contains("'CRM_HOST' is not set; the sandbox uses a placeholder") })
    let state = try #require(result.state)
    let webhook = try #require(state.resources.first { $0.kind == "Webhook" })
    #expect(webhook.spec["secret"] == .string("sandbox-placeholder-for-CRM_SECRET"))
    #expect(webhook.spec["url"] == .string("https://sandbox-placeholder-for-CRM_HOST/hooks"))
  }
}
