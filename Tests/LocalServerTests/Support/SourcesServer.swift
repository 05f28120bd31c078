import AsyncHTTPClient
import Foundation
import NIOCore
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
    var request = HTTPClientRequest(url: platform.baseURL + path)
    request.method = .RAW(value: method)
    request.headers.add(name: "Authorization", value: "Bearer \(platform.apiKey)")
    if let body {
      request.headers.add(name: "Content-Type", value: "application/json")
      request.body = .bytes(ByteBuffer(string: body))
    }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    let bytes = try await response.body.collect(upTo: 1 << 20)
    let text = String(decoding: bytes.readableBytesView, as: UTF8.self)
    return Answer(
      status: Int(response.status.code),
      sources: response.headers[ReplySources.headerName].first,
      json: JSONValue.parse(text) ?? .null)
  }

  func stop() async throws { try await platform.shutdown() }
}
