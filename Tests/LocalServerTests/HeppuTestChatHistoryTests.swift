import Foundation
import Testing

@testable import HeppuLocalServer
@testable import LocalServerKit

/// The `history` of Heppu's local test chat: accepted up to its limits, refused beyond them
/// with the member at fault named by position.
@Suite("Heppu test chat history")
struct HeppuTestChatHistoryTests {
  static func message(_ role: String, _ content: String) -> String {
    #"{"role": "\#(role)", "content": "\#(content)"}"#
  }

  static let hundred = (0..<100).map { message($0 % 2 == 0 ? "user" : "assistant", "m\($0)") }

  @Test(
    "a bad history is 400, naming the member at fault",
    arguments: [
      (#""history": "hi""#, "history"), (#""history": {}"#, "history"),
      (
        #""history": [\#((hundred + [message("user", "one more")]).joined(separator: ","))]"#,
        "history"
      ),
      (#""history": [1]"#, "history[0]"),
      (
        #""history": [\#(message("user", "a")), \#(message("assistant", "b")), \#(message("system", "c"))]"#,
        "history[2].role"
      ),
      (#""history": [{"content": "a"}]"#, "history[0].role"),
      (#""history": [{"role": 1, "content": "a"}]"#, "history[0].role"),
      (#""history": [{"role": "user"}]"#, "history[0].content"),
      (#""history": [\#(message("user", ""))]"#, "history[0].content"),
      (
        #""history": [\#(message("user", "a")), \#(message("user", String(repeating: "x", count: 10_001)))]"#,
        "history[1].content"
      ),
      (#""history": [{"role": "user", "content": 5}]"#, "history[0].content"),
      (#""history": [{"role": "user", "content": "a", "name": "Ann"}]"#, "history[0].name"),
      (#""context": []"#, "context"),
    ])
  func refused(_ member: String, _ field: String) async throws {
    let server = try await SourcesServer.start()
    let agentID = try await LocalReplySourcesTests.agent(server)
    let answer = try await server.call(
      "POST", "/api/v1/agents/\(agentID)/test", #"{"message": "Are returns free?", \#(member)}"#)
    #expect(answer.status == 400, "\(answer.json)")
    #expect(answer.json["error"]?["field"] == .string(field), "\(answer.json)")
    #expect(answer.json["success"] == .bool(false))
    try await server.stop()
  }

  @Test("a history of 100 messages is accepted; the local reply still answers the message")
  func accepted() async throws {
    let server = try await SourcesServer.start()
    let agentID = try await LocalReplySourcesTests.agent(server)
    let long = Self.message("user", String(repeating: "x", count: 10_000))
    for history in [[], Self.hundred, [long]] {
      let answer = try await server.call(
        "POST", "/api/v1/agents/\(agentID)/test",
        #"{"message": "Are returns free?", "history": [\#(history.joined(separator: ","))]}"#)
      #expect(answer.status == 200, "\(answer.json)")
      #expect(answer.json["data"]?["reply"] == .string("Returns are free within 30 days."))
      #expect(answer.sources == "instructions")
    }
    try await server.stop()
  }
}
