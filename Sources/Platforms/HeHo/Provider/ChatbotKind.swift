import Foundation
import HehoManifest
import PlatformKit

/// `kind: Chatbot`: an AI chatbot with its prompt, model, tone and theme.
public struct ChatbotKind: ManifestKind {
  /// The fewest characters (Unicode scalars) HeHo accepts in a description.
  public static let minDescriptionLength = 200
  /// Accepted tones.
  public static let tones = ["friendly", "professional", "strict"]
  /// Accepted themes.
  public static let themes = [
    "twilight", "sunrise", "ocean", "forest", "grape", "rose", "sky", "candy",
  ]

  /// Creates the kind.
  public init() {}

  public var name: String { HeHoKind.chatbot.rawValue }
  public var summary: String { "An AI chatbot: its goal, prompt, model, tone and theme." }
  public var converses: Bool { true }
  public var nameSchema: FieldSchema { NamePatterns.displayName("chatbot name") }

  public var specSchema: FieldSchema {
    let description = FieldSchema(
      .string, summary: "the prompt, at least \(Self.minDescriptionLength) characters",
      label: "description", minLength: Self.minDescriptionLength)
    var tone = FieldSchema.oneOf(Self.tones, "platform default: professional")
    tone.label = "tone"
    var theme = FieldSchema.oneOf(Self.themes, "platform default: sky")
    theme.label = "theme"
    return .object(
      "Chatbot spec",
      [
        .init("goal", required: true, NamePatterns.required("goal", "the chatbot's primary goal"))
      ]
        + FieldSchema.Field.inlineOrFile(
          "description", description, file: "descriptionFile", holding: "the prompt")
        + [
          .init("model", required: true, NamePatterns.required("model", "the AI model's ID")),
          .init("tone", tone),
          .init("theme", theme),
        ])
  }

  public var specJSONSchemaExtras: [String: Value] {
    [
      "oneOf": .array([
        .object(["required": .array([.string("description")])]),
        .object(["required": .array([.string("descriptionFile")])]),
      ])
    ]
  }

  public func resolve(_ draft: inout ResourceDraft, diagnostics: inout [Diagnostic]) {
    let hasDescription = draft.spec["description"] != nil
    if !draft.inlineFile("descriptionFile", into: "description", diagnostics: &diagnostics)
      && !hasDescription
    {
      diagnostics.append(
        Diagnostic(
          .error,
          "missing 'description' or 'descriptionFile' in \(draft.label): give the prompt "
            + "(at least \(Self.minDescriptionLength) characters) inline or in a file",
          at: draft.specLocation))
    }
  }
}
