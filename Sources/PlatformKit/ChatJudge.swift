import Foundation
import HehoEngine

/// Grades `rubric` checks with a model behind an OpenAI-compatible chat endpoint
/// (`--judge-endpoint URL`: `POST URL/chat/completions`).
///
/// The judge is asked for a JSON verdict, `{"pass": true|false, "reason": "…"}`, at temperature
/// 0. A key, if the endpoint needs one, comes from `HEHO_JUDGE_API_KEY` and is redacted like
/// every key. An answer that is not such a verdict leaves the check not checkable (the runner
/// reports the reason), never passed.
public struct ChatJudge: ConversationJudge {
  /// The endpoint's base URL.
  public var endpoint: String
  /// The model to ask (`HEHO_JUDGE_MODEL`, default `gpt-4o-mini`).
  public var model: String
  /// The key, when the endpoint needs one.
  var apiKey: String

  /// Creates a judge for `endpoint`.
  public init(endpoint: String, model: String = "gpt-4o-mini", apiKey: String = "") {
    self.endpoint = endpoint
    self.model = model
    self.apiKey = apiKey
  }

  static let instructions = """
    You grade one reply of a chatbot against a rubric. Read the conversation and the rubric, \
    then answer with JSON only: {"pass": true or false, "reason": "one sentence"}.
    """

  public func grade(rubric: String, transcript: [TranscriptMessage], reply: String)
    async throws -> JudgeVerdict
  {
    guard let base = URL(string: endpoint) else {
      throw ProviderError("the judge endpoint '\(endpoint)' is not a URL")
    }
    let conversation = transcript.map { "\($0.role): \($0.content)" }.joined(separator: "\n")
    let body: [String: Any] = [
      "model": model, "temperature": 0,
      "messages": [
        ["role": "system", "content": Self.instructions],
        [
          "role": "user",
          "content": "Conversation:\n\(conversation)\n\nRubric: \(rubric)\n\nDoes the last "
            + "reply meet the rubric?",
        ],
      ],
    ]
    var request = HTTPRequest(
      method: "POST", path: "/chat/completions",
      body: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]))
    request.headers["Content-Type"] = "application/json"
    if !apiKey.isEmpty { request.headers["Authorization"] = "Bearer \(apiKey)" }
    let response = try await NIOHTTPTransport(baseURL: base, timeout: .seconds(60)).send(request)
    guard (200..<300).contains(response.status) else {
      throw ProviderError("the judge answered HTTP \(response.status)", status: response.status)
    }
    return try Self.verdict(in: response.body)
  }

  /// The verdict in a chat completion's first choice.
  static func verdict(in body: Data) throws -> JudgeVerdict {
    let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    let choices = object?["choices"] as? [[String: Any]]
    let message = choices?.first?["message"] as? [String: Any]
    guard let content = message?["content"] as? String else {
      throw ProviderError("the judge's answer has no choices[0].message.content")
    }
    let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
    let json = trimmed.drop { $0 != "{" }.reversed().drop { $0 != "}" }.reversed()
    guard
      let verdict = try? JSONSerialization.jsonObject(with: Data(String(json).utf8))
        as? [String: Any],
      let passed = verdict["pass"] as? Bool
    else {
      throw ProviderError(
        "the judge did not answer {\"pass\": …, \"reason\": …}: \(trimmed.prefix(200))")
    }
    return JudgeVerdict(passed: passed, reason: verdict["reason"] as? String ?? "")
  }
}
