import Foundation
import HehoLocal
import HehoProviders
import Testing

/// heho's own HTTP transport under concurrent writes: every request gets its answer.
///
/// With one URLSession shared by concurrent `Connection: close` POSTs, swift-corelibs-foundation
/// sometimes left a request waiting for the whole timeout although the server had answered
/// (seen as 30-second steps in apply). Each request takes milliseconds here, so with a
/// 5-second timeout any such stall fails a request.
@Suite struct TransportStallTests {
  @Test func concurrentCreatesAllGetAnswers() async throws {
    let platform = try await LocalPlatform.start(.init())
    let key = try await platform.createOrganization(named: "transport")
    let base = try #require(URL(string: platform.baseURL))
    let transport = URLSessionTransport(baseURL: base, timeout: .seconds(5))
    let failures = await withTaskGroup(of: String?.self) { group in
      var failures: [String] = []
      for index in 0..<120 {
        if index >= 8, let result = await group.next(), let failure = result {
          failures.append(failure)
        }
        group.addTask {
          let body = try? JSONSerialization.data(withJSONObject: [
            "name": "bot-\(index)", "goal": "Support", "model": "m",
            "description": ScenarioGenerator.prompt("bot-\(index)"),
          ])
          let request = HTTPRequest(
            method: "POST", path: "/api/v1/chatbots/manage",
            headers: ["Authorization": "Bearer \(key)", "Content-Type": "application/json"],
            body: body)
          do {
            let response = try await transport.send(request)
            return response.status == 201 ? nil : "bot-\(index): status \(response.status)"
          } catch {
            return "bot-\(index): \(error)"
          }
        }
      }
      for await result in group { if let result { failures.append(result) } }
      return failures
    }
    try await platform.shutdown()
    #expect(failures.isEmpty, "\(failures.count) requests failed: \(failures.prefix(5))")
  }
}
