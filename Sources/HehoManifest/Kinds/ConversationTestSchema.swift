/// The spec of `kind: ConversationTest`: the resource a test talks to, how often, and each
/// turn's message and expectations. Kept apart from the kind, which checks what a schema
/// cannot (ranges, regular expressions, targets).
enum ConversationTestSchema {
  /// Runs of the whole conversation a test may ask for.
  static let runs = 1...100
  /// The share of runs that must pass.
  static let passRate = 0.0...1.0
  /// Turns in one conversation.
  static let turns = 1...100
  /// Characters in one user message.
  static let messageLength = 1...10_000
  /// `KIND/NAME`, the kind as in addresses (`bot`) or as in manifests (`Bot`).
  static let targetPattern = "^[A-Za-z][A-Za-z0-9]*/.+$"

  /// The spec; `conversingKinds` (`Chatbot`, `Bot`, `Agent`) are named in summaries.
  static func spec(conversingKinds: [String]) -> FieldSchema {
    let examples = conversingKinds.map { "\($0.lowercased())/NAME" }.joined(separator: ", ")
    let kinds = conversingKinds.isEmpty ? "" : " (\(examples))"
    return .object(
      "ConversationTest spec",
      [
        .init(
          "target", required: true,
          FieldSchema(
            .string, summary: "the conversational resource the test talks to, KIND/NAME\(kinds)",
            label: "target", pattern: targetPattern,
            patternHint: "KIND/NAME, such as bot/helpdesk or chatbot/shop-assistant")),
        .init(
          "repeat",
          number(
            "runs of the whole conversation, \(runs.lowerBound) to \(runs.upperBound); "
              + "default 1")),
        .init(
          "minPassRate",
          number(
            "the share of runs that must pass, \(passRate.lowerBound) to "
              + "\(passRate.upperBound); default 1.0")),
        .init(
          "turns", required: true,
          FieldSchema(
            .array(turn), summary: "the user's messages, in one conversation, in order",
            label: "turns", minItems: turns.lowerBound, maxItems: turns.upperBound)),
      ])
  }

  /// A number (checked by the kind, as the platforms' kinds check theirs).
  private static func number(_ summary: String) -> FieldSchema {
    FieldSchema(.scalar(asText: false), summary: summary, interpolated: false)
  }

  /// One element of `turns`.
  private static var turn: FieldSchema {
    .object(
      "turn",
      [
        .init(
          "user", required: true,
          FieldSchema(
            .string, summary: "what the user says", label: "user message",
            minLength: messageLength.lowerBound, maxLength: messageLength.upperBound)),
        .init("expect", expect),
      ], summary: "a user message and what the reply must show")
  }

  /// `expect`: what one reply must show.
  private static var expect: FieldSchema {
    let nonEmpty = FieldSchema(.string, summary: "a text", label: "text", minLength: 1)
    func texts(_ summary: String) -> FieldSchema {
      FieldSchema(.array(nonEmpty), summary: summary, minItems: 1)
    }
    return .object(
      "expect",
      [
        .init("contains", texts("texts the reply holds, all of them, ignoring case")),
        .init("notContains", texts("texts the reply must not hold, ignoring case")),
        .init(
          "matches",
          FieldSchema(
            .string, summary: "a regular expression the reply matches somewhere",
            label: "matches", minLength: 1)),
        .init(
          "citesDocument",
          FieldSchema(
            .string,
            summary: "a document (or table) the reply is grounded in, where the platform tells",
            label: "citesDocument", minLength: 1)),
        .init(
          "leadCaptured",
          .boolean("whether the conversation has left a lead on the platform (BotHero)")),
        .init(
          "webhookDelivered",
          .object(
            "webhookDelivered",
            [
              .init(
                "webhook", required: true,
                NamePatterns.required("webhook", "the name of a webhook the manifests declare")),
              .init(
                "event", required: true,
                NamePatterns.required("event", "the event delivered (lead.captured)")),
            ], summary: "an event the platform delivered to a webhook because of the conversation")
        ),
        .init(
          "rubric",
          FieldSchema(
            .string,
            summary: "what a judge model checks the reply for; run only with --judge-endpoint",
            label: "rubric", minLength: 1)),
      ], summary: "what the reply must show; nothing more than a reply when absent")
  }

  /// JSON Schema keywords for what `.scalar` cannot say: `repeat` and `minPassRate` are
  /// numbers in range.
  static var jsonExtras: [String: Value] {
    [
      "properties": .object([
        "repeat": .object([
          "type": .string("integer"), "minimum": .int(runs.lowerBound),
          "maximum": .int(runs.upperBound),
        ]),
        "minPassRate": .object([
          "type": .string("number"), "minimum": .double(passRate.lowerBound),
          "maximum": .double(passRate.upperBound),
        ]),
      ])
    ]
  }
}
