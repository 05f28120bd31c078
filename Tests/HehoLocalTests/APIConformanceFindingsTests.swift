import Foundation
import Testing

@testable import HehoLocal
@testable import HeppuLocal

/// Requests that `scripts/api-conformance` found the local platform answering wrongly, each kept
/// as the request that failed, so the fix cannot quietly come undone.
@Suite("API conformance findings")
struct APIConformanceFindingsTests {
  /// The document lets `page` be any whole number from 1; (page - 1) * limit then passes
  /// Int.max, which stopped the whole server (an arithmetic overflow trap) instead of answering
  /// an empty page.
  @Test("a Heppu page far past the end is an empty page, not a crash")
  func hugeHeppuPage() async throws {
    let server = try await HeppuAPITests.Server.start()
    do {
      _ = try await server.create(#"{"name": "Paging", "type": "chat"}"#)
      for page in ["1476224938271426560", String(Int.max)] {
        let answer = try await server.call("GET", "/agents?page=\(page)&limit=47")
        #expect(answer.status == 200, "page \(page): \(answer.json)")
        let pagination = answer.json["pagination"]
        #expect(answer.json["data"] == .array([]), "page \(page): \(answer.json)")
        #expect(pagination?["total"] == .integer(1), "page \(page): \(answer.json)")
      }
      let first = try await server.call("GET", "/agents?page=1&limit=47")
      #expect(first.json["pagination"]?["total"] == .integer(1), "\(first.json)")
      let tooBig = try await server.call("GET", "/agents?page=99999999999999999999")
      #expect(tooBig.status == 400, "\(tooBig.json)")
    } catch {
      try await server.stop()
      throw error
    }
    try await server.stop()
  }
}
