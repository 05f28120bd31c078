import AsyncHTTPClient
import Foundation
import NIOCore

@testable import LocalServerKit

/// A request to a running local server over AsyncHTTPClient (the client heho itself uses), so
/// that what the suites check is what crosses the wire.
enum WireCall {
  /// One answer: the response (status and headers) and its body as JSON.
  struct Answer: Sendable {
    var response: HTTPClientResponse
    /// The body as JSON; `null` when it is not JSON.
    var json: JSONValue

    var status: Int { Int(response.status.code) }
  }

  /// Sends `method url` with `headers` and `body`, and reads up to 16 MiB of the answer.
  static func send(
    _ method: String, _ url: String, body: Data? = nil, headers: [String: String]
  ) async throws -> Answer {
    var request = HTTPClientRequest(url: url)
    request.method = .RAW(value: method)
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    let bytes = try await response.body.collect(upTo: 16 << 20)
    let text = String(decoding: bytes.readableBytesView, as: UTF8.self)
    return Answer(response: response, json: JSONValue.parse(text) ?? .null)
  }

  /// Sends `method url` with `headers` and `body`, when there is one, as JSON.
  static func json(
    _ method: String, _ url: String, _ body: String?, headers: [String: String]
  ) async throws -> Answer {
    var headers = headers
    if body != nil { headers["Content-Type"] = "application/json" }
    return try await send(method, url, body: body.map { Data($0.utf8) }, headers: headers)
  }
}
