import AsyncHTTPClient
import Foundation
import PlatformRegistry

@testable import LocalServerKit

/// Every standard platform on one running local server, whose chat answers keep the
/// `Heho-Local-Sources` header: the header is checked as it crosses the wire, empty value
/// included.
struct SourcesServer: Sendable {
  let platform: LocalPlatform

  /// One chat answer.
  struct Answer: Sendable {
    var status: Int
    /// The raw `Heho-Local-Sources` value; `nil` when the header is absent.
    var sources: String?
    var json: JSONValue
  }

  static func start(_ configuration: LocalPlatformConfiguration = .init()) async throws
    -> SourcesServer
  {
    SourcesServer(
      platform: try await LocalPlatform.start(
        configuration, modules: LocalPlatform.standardModules))
  }

  /// BotHero's test client on the same server (knowledge uploads).
  var bothero: BotHeroAPITests.Server { BotHeroAPITests.Server(platform: platform) }

  /// Sends `method path` with the key as a Bearer and `body` as JSON.
  func call(_ method: String, _ path: String, _ body: String? = nil) async throws -> Answer {
    let answer = try await WireCall.json(
      method, platform.baseURL + path, body,
      headers: ["Authorization": "Bearer \(platform.apiKey)"])
    return Answer(
      status: answer.status,
      sources: answer.response.headers[ReplySources.headerName].first,
      json: answer.json)
  }

  func stop() async throws { try await platform.shutdown() }
}
