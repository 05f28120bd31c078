import Foundation
import Testing

@testable import BotHeroLocalServer
@testable import HeppuLocalServer
@testable import LocalServerKit

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

  /// MultipartKit's parser looks header-name bytes up in a 128-entry table: a part header that
  /// starts with UTF-8 stopped the whole server (an index out of range trap).
  @Test("a BotHero upload with a non-ASCII part header name is a 400, and the server lives on")
  func nonASCIIPartHeaderName() async throws {
    let server = try await BotHeroAPITests.Server.start()
    do {
      try await uploadsRefusingNonASCIINames(server)
    } catch {
      await server.stop()
      throw error
    }
    await server.stop()
  }

  private func uploadsRefusingNonASCIINames(_ server: BotHeroAPITests.Server) async throws {
    let bot = try await server.call("POST", "/v1/bots", #"{"name": "Uploads"}"#)
    let botID = try #require(bot.json["id"]?.stringValue, "\(bot.json)")
    let type = "multipart/form-data; boundary=B"
    func upload(_ text: String) async throws -> (status: Int, json: JSONValue) {
      try await server.send(
        "POST", "/v1/knowledge/upload", body: Data(text.utf8),
        headers: ["Authorization": "Bearer \(server.platform.apiKey)", "Content-Type": type])
    }
    let part = "Content-Disposition: form-data; name=\"bot_id\"\r\n\r\n\(botID)\r\n"
    // The request that stopped the server, then a non-ASCII name in a later part's headers.
    for body in [
      "--B\r\n\u{24C0D}\u{06}--B--\r\n", "--B\r\n\(part)--B\r\nNäme: x\r\n\r\nx\r\n--B--\r\n",
    ] {
      let refused = try await upload(body)
      #expect(refused.status == 400, "\(refused.json)")
      #expect(refused.json["error"]?["message"]?.stringValue?.contains("ASCII") == true)
    }
    // UTF-8 in a header value and in the file, and CRs that are no delimiter, are taken.
    let file = "Content-Disposition: form-data; name=\"file\"; filename=\"naïve.txt\"\r\n\r\n"
    let accepted = try await upload(
      "preamble\r\n--B\r\n\(part)--B\r\n\(file)héllo\r\n-B\r\r\n--\r\n--B--\r\n")
    #expect(accepted.status == 201, "\(accepted.json)")
    #expect(accepted.json["size"] == .integer(Int64("héllo\r\n-B\r\r\n--".utf8.count)))
  }
}
