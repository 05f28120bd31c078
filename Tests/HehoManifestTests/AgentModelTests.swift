import Foundation
import HehoManifest
import Testing

@Suite("Agent models")
struct AgentModelTests {
  @Test func aModelOutsideTheSeedsListIsAWarningNotAnError() throws {
    let files = try TemporaryManifests([
      "agents.yaml": """
      apiVersion: heppu/v1
      kind: Agent
      metadata:
        name: web
      spec:
        type: chat
        model: gpt-realtime-2025-08-28

      """
    ])
    let result = files.load()
    #expect(result.errors.isEmpty, "\(result.messages)")
    let warning = try #require(result.diagnostics.first { $0.severity == .warning })
    #expect(
      warning.message.contains("model 'gpt-realtime-2025-08-28' is not among the chat models"))
    #expect(warning.location?.line == 7 && warning.location?.column == 10)
    #expect(result.state?.resources.count == 1)
  }
}
