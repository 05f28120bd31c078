import Foundation
import HehoManifest
import PlatformKit

/// `kind: Agent` (`heppu/v1`): a Heppu voice or chat agent. Validation is type-aware: voice
/// settings on a chat agent (and the reverse) are positioned errors.
public struct AgentKind: ManifestKind {
  /// The statuses a manifest may set (`training` is the platform's own).
  public static let statuses = ["active", "inactive", "deployed"]

  /// Creates the kind.
  public init() {}

  public var name: String { HeppuKind.agent.rawValue }
  public var summary: String { "A Heppu agent: a voice agent on the phone or a chat widget." }
  public var converses: Bool { true }
  public var nameSchema: FieldSchema { NamePatterns.displayName("agent name") }

  public var specSchema: FieldSchema {
    let instructions = FieldSchema(
      .string, summary: "the agent's instructions (its prompt), at most 20,000 characters",
      label: "instructions", maxLength: 20_000)
    var type = FieldSchema.oneOf(AgentCatalog.types, "voice or chat; a change forces a replacement")
    type.label = "type"
    var status = FieldSchema.oneOf(Self.statuses, "default: active (training is the platform's)")
    status.label = "status"
    let number = FieldSchema(.scalar(asText: false), summary: "a number")
    let config = FieldSchema.object(
      "Agent config",
      [
        .init("voice", labeled(.oneOf(AgentCatalog.voices, "voice agents: the voice"), "voice")),
        .init("speed", range(number, AgentCatalog.speed, "voice agents: speaking speed")),
        .init(
          "interruptionThreshold",
          range(
            number, AgentCatalog.interruptionThreshold,
            "voice agents: how readily callers interrupt")),
        .init(
          "theme", labeled(.oneOf(AgentCatalog.themes, "chat agents: the widget theme"), "theme")),
        .init("primaryColor", color("primaryColor")),
        .init("backgroundColor", color("backgroundColor")),
        .init("textColor", color("textColor")),
        .init(
          "position",
          labeled(.oneOf(AgentCatalog.positions, "chat agents: the widget position"), "position")),
        .init(
          "allowedDomains",
          FieldSchema(
            .array(
              FieldSchema(
                .string, summary: "a host name (shop.example.com, *.example.com)",
                label: "allowed domain",
                pattern: "^(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$",
                patternHint: "a host name such as shop.example.com or *.example.com")),
            summary: "chat agents: the sites the widget may be embedded on")),
      ], summary: "voice settings for voice agents, widget settings for chat agents")
    return .object(
      "Agent spec",
      [
        .init("type", required: true, type),
        .init("status", status),
        .init(
          "model",
          FieldSchema(
            .string, summary: "default by type: voice gpt-realtime-2025-08-28, chat gpt-4o",
            label: "model", minLength: 1, maxLength: 100)),
      ]
        + FieldSchema.Field.inlineOrFile(
          "instructions", instructions, file: "instructionsFile", holding: "the instructions")
        + [
          .init("config", config),
          .init(
            "tools",
            FieldSchema(
              .array(
                FieldSchema(
                  .string, summary: "a tool of the catalog", label: "tool",
                  enumValues: AgentCatalog.tools.map(\.id))),
              summary: "tools from the catalog (docs/heppu-api-contract.md)")),
          .init(
            "phoneNumbers",
            FieldSchema(
              .array(
                FieldSchema(
                  .string, summary: "an E.164 number (+15550100)", label: "phone number",
                  pattern: "^\\+[1-9][0-9]{6,14}$", patternHint: "E.164: + and 7 to 15 digits")),
              summary: "voice agents only: the numbers that ring it")),
        ])
  }

  public var setRules: [any ResourceSetRule] { [PhoneNumberRule()] }

  public func resolve(_ draft: inout ResourceDraft, diagnostics: inout [Diagnostic]) {
    draft.inlineFile("instructionsFile", into: "instructions", diagnostics: &diagnostics)
  }

  public func validate(_ draft: ResourceDraft, diagnostics: inout [Diagnostic]) {
    AgentChecks(draft: draft).check(into: &diagnostics)
  }

  func labeled(_ schema: FieldSchema, _ label: String) -> FieldSchema {
    var schema = schema
    schema.label = label
    return schema
  }

  func range(_ schema: FieldSchema, _ range: ClosedRange<Double>, _ summary: String) -> FieldSchema
  {
    var schema = schema
    schema.summary = "\(summary), \(range.lowerBound) to \(range.upperBound)"
    return schema
  }

  func color(_ label: String) -> FieldSchema {
    FieldSchema(
      .string, summary: "chat agents: a color as #RRGGBB", label: label,
      pattern: "^#[0-9A-Fa-f]{6}$", patternHint: "a color as #RRGGBB")
  }
}
