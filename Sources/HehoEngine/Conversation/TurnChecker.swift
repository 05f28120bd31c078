import Foundation

/// Checks one turn's reply against its expectations: the text checks here, the effects by the
/// conversation's platform, a rubric by the judge (when there is one).
struct TurnChecker: Sendable {
  /// The conversation the turn belongs to, for its effects.
  let conversation: any Conversation
  /// The model that grades rubrics; `nil` leaves them not checkable.
  let judge: (any ConversationJudge)?

  /// The outcome of `expectation` for `reply`, the last message of `transcript`.
  ///
  /// - Throws: `ProviderError` when the platform could not be asked about an effect.
  func check(
    _ expectation: TurnExpectation, reply: ConversationReply, transcript: [TranscriptMessage]
  ) async throws -> CheckOutcome {
    switch expectation {
    case .contains(let texts):
      let missing = texts.filter { !Self.has(reply.text, $0) }
      if missing.isEmpty { return .passed(nil) }
      return .failed("missing " + missing.map { "\"\($0)\"" }.joined(separator: ", "))
    case .notContains(let texts):
      let found = texts.filter { Self.has(reply.text, $0) }
      if found.isEmpty { return .passed(nil) }
      return .failed("found " + found.map { "\"\($0)\"" }.joined(separator: ", "))
    case .matches(let pattern):
      return Self.match(pattern, in: reply.text)
    case .citesDocument(let document):
      return Self.cites(document, sources: reply.sources)
    case .leadCaptured(let captured):
      return try await conversation.check(.leadCaptured(captured))
    case .webhookDelivered(let webhook, let event):
      return try await conversation.check(.webhookDelivered(webhook: webhook, event: event))
    case .rubric(let rubric):
      guard let judge else {
        return .notCheckable("a rubric is graded by a model: run with --judge-endpoint URL")
      }
      do {
        let verdict = try await judge.grade(
          rubric: rubric, transcript: transcript, reply: reply.text)
        return verdict.passed ? .passed(verdict.reason) : .failed(verdict.reason)
      } catch {
        return .notCheckable("the judge gave no verdict: \(error)")
      }
    }
  }

  /// Whether `text` holds `part`, ignoring case, and taking any run of white space (a line
  /// break in a wrapped prompt, a double space from a model) as one space.
  static func has(_ text: String, _ part: String) -> Bool {
    spaced(text).range(of: spaced(part), options: [.caseInsensitive]) != nil
  }

  /// `text` with every run of white space made one space.
  static func spaced(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Whether the document `name` is the one `cited` names: the whole name, or its last path
  /// components (`returns.md` names `policies/returns.md`). Checks and coverage share it.
  static func names(_ name: String, _ cited: String) -> Bool {
    name == cited || name.hasSuffix("/" + cited)
  }

  /// `pattern` searched for in `text`.
  static func match(_ pattern: String, in text: String) -> CheckOutcome {
    guard let expression = try? NSRegularExpression(pattern: pattern) else {
      return .failed("/\(pattern)/ is not a valid regular expression")
    }
    let range = NSRange(text.startIndex..., in: text)
    guard let found = expression.firstMatch(in: text, range: range),
      let matched = Range(found.range, in: text)
    else { return .failed("no match") }
    return .passed("matched \"\(text[matched].prefix(80))\"")
  }

  /// Whether `sources` name `document`: exactly, or as the last part of a path
  /// (`returns.md` names `policies/returns.md`).
  static func cites(_ document: String, sources: [String]?) -> CheckOutcome {
    guard let sources else {
      return .notCheckable(
        "the platform's reply does not say which documents it was grounded on")
    }
    let named = sources.contains { names($0, document) }
    if named { return .passed("grounded on \(document)") }
    if sources.isEmpty { return .failed("the reply was grounded on no document") }
    return .failed("grounded on " + sources.joined(separator: ", ") + " instead")
  }
}
