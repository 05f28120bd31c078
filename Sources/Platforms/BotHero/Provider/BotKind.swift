import Foundation
import HehoManifest
import PlatformKit

/// `kind: Bot` (`bothero/v1`): a BotHero bot, its model, instructions and welcome message.
public struct BotKind: ManifestKind {
  /// The models BotHero offers (`docs/bothero-api-contract.md`); the first is the default.
  public static let models = ["gpt-oss-120b", "gpt-oss-20b", "llama-3.3-70b"]
  /// The welcome message of a bot that declares none (the platform's default).
  public static let defaultWelcome = "Hi! How can I help you today?"
  /// The temperature of a bot that declares none.
  public static let defaultTemperature = 0.7

  /// Creates the kind.
  public init() {}

  public var name: String { BotHeroKind.bot.rawValue }
  public var summary: String { "A BotHero bot: its model, instructions and welcome message." }
  public var converses: Bool { true }
  public var nameSchema: FieldSchema { NamePatterns.displayName("bot name") }

  public var specSchema: FieldSchema {
    let instructions = FieldSchema(
      .string, summary: "the bot's instructions (its prompt), at most 20,000 characters",
      label: "instructions", maxLength: 20_000)
    var model = FieldSchema.oneOf(Self.models, "default: \(Self.models[0])")
    model.label = "model"
    return .object(
      "Bot spec",
      [
        .init("model", model)
      ]
        + FieldSchema.Field.inlineOrFile(
          "instructions", instructions, file: "instructionsFile", holding: "the instructions")
        + [
          .init(
            "welcomeMessage",
            FieldSchema(
              .string, summary: "the first message a visitor sees, at most 500 characters",
              label: "welcomeMessage", maxLength: 500)),
          .init(
            "temperature",
            FieldSchema(
              .scalar(asText: false), summary: "0 to 2 (default 0.7)", label: "temperature")
          ),
          .init("leadCapture", .boolean("ask visitors for their contact details (default false)")),
        ])
  }

  public func resolve(_ draft: inout ResourceDraft, diagnostics: inout [Diagnostic]) {
    draft.inlineFile("instructionsFile", into: "instructions", diagnostics: &diagnostics)
  }

  public func validate(_ draft: ResourceDraft, diagnostics: inout [Diagnostic]) {
    if let text = draft.spec["instructions"]?.stringValue, text.count > 20_000 {
      diagnostics.append(
        Diagnostic(
          .error,
          "\(draft.label): instructions are \(text.count) characters; BotHero takes at most 20,000",
          at: draft.valueLocation("instructions")))
    }
    guard let value = draft.spec["temperature"] else { return }
    let number: Double? =
      switch value {
      case .int(let whole): Double(whole)
      case .double(let real): real
      default: nil
      }
    guard let number, (0...2).contains(number) else {
      diagnostics.append(
        Diagnostic(
          .error, "\(draft.label): temperature must be a number from 0 to 2",
          at: draft.valueLocation("temperature")))
      return
    }
  }
}
