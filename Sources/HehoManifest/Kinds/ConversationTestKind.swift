import Foundation

/// `kind: ConversationTest` (`heho/v1`, the project's own kind, like `Project`): a
/// conversation with one chatbot, bot or agent, and what each reply must show. `heho test`
/// runs it; nothing plans or applies it, so it has no lifecycle and no previous names.
public struct ConversationTestKind: ManifestKind {
  /// The kind's name.
  public static let kindName = "ConversationTest"

  /// The kinds whose resources a test may target, from the registry (`Chatbot`, `Bot`,
  /// `Agent`): the manifest layer names no platform.
  public var conversingKinds: [String]
  /// The kinds whose resources `webhookDelivered` may name (`Webhook`).
  public var eventKinds: [String]

  /// Creates the kind for a registry whose conversing and event-delivering kinds are given.
  public init(conversingKinds: [String], eventKinds: [String]) {
    self.conversingKinds = conversingKinds
    self.eventKinds = eventKinds
  }

  public var name: String { Self.kindName }
  public var summary: String {
    "A conversation test: user messages to a chatbot, bot or agent, and what each reply must show."
  }
  public var nameSchema: FieldSchema { NamePatterns.displayName("test name") }
  public var specSchema: FieldSchema {
    ConversationTestSchema.spec(conversingKinds: conversingKinds)
  }
  public var specJSONSchemaExtras: [String: Value] { ConversationTestSchema.jsonExtras }
  public var setRules: [any ResourceSetRule] {
    [ConversationTargetRule(conversingKinds: conversingKinds, eventKinds: eventKinds)]
  }

  /// Writes `target` as an address (`Bot/helpdesk` → `bot/helpdesk`), and a whole `repeat`
  /// written as `3.0` as `3` (as JSON Schema's `integer` reads it).
  public func resolve(_ draft: inout ResourceDraft, diagnostics: inout [Diagnostic]) {
    if let target = draft.spec["target"]?.stringValue,
      let address = ResourceAddress(parsing: target)
    {
      draft.spec["target"] = .string(address.description)
    }
    if case .double(let runs) = draft.spec["repeat"], runs.rounded() == runs, abs(runs) < 1e6 {
      draft.spec["repeat"] = .int(Int(runs))
    }
  }

  /// Checks the numbers' ranges and that every `matches` compiles.
  public func validate(_ draft: ResourceDraft, diagnostics: inout [Diagnostic]) {
    let runs = ConversationTestSchema.runs
    if let value = draft.spec["repeat"], value.intValue.map(runs.contains) != true {
      diagnostics.append(
        Diagnostic(
          .error,
          "\(draft.label): repeat must be a whole number from \(runs.lowerBound) to "
            + "\(runs.upperBound), found \(Self.describe(value))", at: draft.valueLocation("repeat")
        ))
    }
    let rate = ConversationTestSchema.passRate
    if let value = draft.spec["minPassRate"], Self.number(value).map(rate.contains) != true {
      diagnostics.append(
        Diagnostic(
          .error,
          "\(draft.label): minPassRate must be a number from \(rate.lowerBound) to "
            + "\(rate.upperBound) (the share of runs that must pass), found "
            + Self.describe(value), at: draft.valueLocation("minPassRate")))
    }
    for (index, turn) in (draft.spec["turns"]?.arrayValue ?? []).enumerated() {
      guard let pattern = turn["expect"]?["matches"]?.stringValue else { continue }
      let path = "turns[\(index)].expect.matches"
      if let problem = Self.regexProblem(pattern) {
        diagnostics.append(
          Diagnostic(
            .error,
            "\(draft.label): \(path) \(draft.display(path, pattern)) is not a valid regular "
              + "expression: \(problem)", at: draft.valueLocation(path)))
      }
    }
  }

  /// Why `pattern` does not compile as the test runner compiles it (`NSRegularExpression`),
  /// or `nil` when it does. ICU gives no reason, so Swift's parser is asked for one.
  static func regexProblem(_ pattern: String) -> String? {
    guard (try? NSRegularExpression(pattern: pattern)) == nil else { return nil }
    do {
      _ = try Regex(pattern)
    } catch {
      return "\(error)"
    }
    return "the regular expression engine rejects it"
  }

  static func number(_ value: Value) -> Double? {
    switch value {
    case .int(let whole): Double(whole)
    case .double(let real): real
    default: nil
    }
  }

  private static func describe(_ value: Value) -> String {
    switch value {
    case .int(let whole): "\(whole)"
    case .double(let real): "\(real)"
    case .bool(let flag): "\(flag)"
    case .string(let text): "the text '\(text)'"
    default: "another value"
    }
  }
}
