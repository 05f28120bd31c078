import Foundation
import HehoManifest
import PlatformKit

/// `kind: Webhook` (`bothero/v1`): events POSTed to a URL, signed with a write-only secret.
public struct WebhookKind: ManifestKind {
  /// The events a webhook may subscribe to (`docs/bothero-api-contract.md`, "Events").
  public static let events = [
    "bot.created", "bot.updated", "bot.deleted", "conversation.started", "conversation.ended",
    "message.created", "lead.captured", "knowledge.document.ready", "knowledge.document.deleted",
  ]

  /// Creates the kind.
  public init() {}

  public var name: String { BotHeroKind.webhook.rawValue }
  public var summary: String { "A BotHero webhook: events delivered to a URL, signed." }
  public var deliversEvents: Bool { true }
  public var nameSchema: FieldSchema { NamePatterns.displayName("webhook name") }

  public var specSchema: FieldSchema {
    var events = FieldSchema(
      .array(FieldSchema.oneOf(Self.events, "an event name")),
      summary: "the events delivered", label: "events", minItems: 1)
    events.interpolated = false
    return .object(
      "Webhook spec",
      [
        .init(
          "url", required: true,
          FieldSchema(
            .string, summary: "where events are POSTed (http or https)", label: "url",
            pattern: "^https?://[^/?#\\s]+", patternHint: "an http:// or https:// URL with a host",
            maxLength: 2048)),
        .init("events", required: true, events),
        .init("bot", NamePatterns.required("bot", "the bot whose events it gets (default: all)")),
        .init(
          "secret",
          FieldSchema(
            .string, summary: "the signing secret, from an environment variable: write-only",
            label: "secret", minLength: 8, maxLength: 256, secret: true)),
        .init("active", .boolean("whether events are delivered (default true)")),
      ])
  }

  public var referenceFields: [(field: String, kind: String)] {
    [("bot", BotHeroKind.bot.rawValue)]
  }

  public func validate(_ draft: ResourceDraft, diagnostics: inout [Diagnostic]) {
    if draft.spec["secret"] != nil && draft.environmentNames(of: "secret").isEmpty {
      diagnostics.append(
        Diagnostic(
          .error,
          "\(draft.label): the secret is written in the manifest; secrets never go in "
            + "manifests: write secret: ${env.NAME} and set NAME in the environment",
          at: draft.valueLocation("secret")))
    }
  }
}
