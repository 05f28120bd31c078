import Foundation
import HehoManifest
import PlatformKit

/// A transport that keeps every request it is sent, so a test can assert the exact bodies, and
/// answers each with `answer`, given the request and how many earlier ones had the same line.
public actor RecordingTransport: HTTPTransport {
  /// Every request, in the order sent.
  public private(set) var requests: [HTTPRequest] = []
  let answer: @Sendable (HTTPRequest, Int) -> HTTPResponse

  /// Creates a transport that answers with `answer`.
  public init(_ answer: @escaping @Sendable (HTTPRequest, Int) -> HTTPResponse) {
    self.answer = answer
  }

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    let earlier = requests.filter { $0.line == request.line }.count
    requests.append(request)
    return answer(request, earlier)
  }

  /// The JSON bodies of the requests sent on `line` (`POST /api/aichat`), as values.
  public func bodies(_ line: String) -> [Value?] {
    requests.filter { $0.line == line }.map { $0.body.flatMap(JSONValueReader.value(of:)) }
  }

  /// A JSON text as a value, to compare with `bodies`.
  public static func value(_ json: String) -> Value? { JSONValueReader.value(of: Data(json.utf8)) }

  /// A response with a JSON body.
  public static func json(_ body: String, status: Int = 200, headers: [String: String] = [:])
    -> HTTPResponse
  {
    HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
  }
}
