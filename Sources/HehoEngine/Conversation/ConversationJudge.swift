/// Grades a reply against a `rubric`: a model asked whether the reply meets it. Opt-in
/// (`--judge-endpoint URL`), because a model's verdict is neither free nor repeatable; without
/// a judge a rubric is "not checkable", never passed.
public protocol ConversationJudge: Sendable {
  /// The judge's verdict on `reply`, the last message of `transcript`.
  ///
  /// - Throws: when the judge cannot be reached or answers something unreadable; the check is
  ///   then not checkable, with the reason.
  func grade(rubric: String, transcript: [TranscriptMessage], reply: String) async throws
    -> JudgeVerdict
}

/// One message of a conversation, as a judge reads it.
public struct TranscriptMessage: Sendable, Hashable, Codable {
  /// `user` or `assistant`.
  public var role: String
  /// The text.
  public var content: String

  /// Creates a message.
  public init(role: String, content: String) {
    self.role = role
    self.content = content
  }
}

/// A judge's verdict and its reason, both reported.
public struct JudgeVerdict: Sendable, Hashable {
  /// Whether the reply meets the rubric.
  public var passed: Bool
  /// The judge's reason, in its words.
  public var reason: String

  /// Creates a verdict.
  public init(passed: Bool, reason: String) {
    self.passed = passed
    self.reason = reason
  }
}
