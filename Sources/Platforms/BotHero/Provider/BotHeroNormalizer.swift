import HehoEngine
import HehoManifest
import PlatformKit

/// Turns BotHero's list responses into live resources with fields comparable to desired items.
enum BotHeroNormalizer {
  /// The kinds as addresses spell them, lower-cased once rather than for every resource.
  static let botKind = BotHeroKind.bot.addressKind
  static let webhookKind = BotHeroKind.webhook.addressKind
  static let documentKind = BotHeroKind.knowledgeDocument.addressKind

  static func bot(_ wire: BotWire) -> LiveResource {
    LiveResource(
      address: ResourceAddress(kind: botKind, name: wire.name), id: wire.id,
      fields: [
        "model": .string(wire.model ?? BotKind.models[0]),
        "instructions": .string(wire.instructions ?? ""),
        "welcomeMessage": .string(wire.welcomeMessage ?? BotKind.defaultWelcome),
        "temperature": .double(wire.temperature ?? BotKind.defaultTemperature),
        "leadCapture": .bool(wire.leadCapture ?? false),
      ])
  }

  /// A webhook. A secret on the platform shows as `secret: (write-only)`; its fingerprint
  /// (`secret_hint`) is kept in `hints` for `reconcile` to check, and is never compared itself.
  static func webhook(
    _ wire: WebhookWire, bots: BotDirectory, hints: SecretHints
  ) -> LiveResource {
    var fields: [String: Value] = [
      "url": .string(wire.url ?? ""),
      "events": .array(Set(wire.events ?? []).sorted().map(Value.string)),
      "active": .bool(wire.active ?? true),
    ]
    var dependencies: [ResourceAddress] = []
    if let id = wire.botID {
      let name = bots.name(of: id) ?? id
      fields["bot"] = .string(name)
      dependencies.append(ResourceAddress(kind: botKind, name: name))
    }
    if let hint = wire.secretHint {
      fields["secret"] = .string(WriteOnlySecrets.marker)
      hints.keep(hint, forWebhook: wire.id)
    }
    return LiveResource(
      address: ResourceAddress(kind: webhookKind, name: wire.name), id: wire.id, fields: fields,
      dependencies: dependencies)
  }

  /// A knowledge document, its bot by name.
  static func document(_ wire: DocumentWire, bots: BotDirectory) -> LiveResource {
    let bot = bots.name(of: wire.botID) ?? wire.botID
    return LiveResource(
      address: ResourceAddress(kind: documentKind, name: wire.name), id: wire.id,
      fields: [
        "bot": .string(bot), "size": .int(wire.size ?? 0), "sha256": .string(wire.sha256 ?? ""),
      ],
      dependencies: [ResourceAddress(kind: botKind, name: bot)])
  }
}
