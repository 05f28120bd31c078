import Foundation
import Hummingbird

/// An error answered as `{"error": "...", "field": "..."}` with an HTTP status.
///
/// Every failure of the local platform ends up as one of these; messages name what is wrong and
/// what would be right, never SQL text, keys or stack traces.
struct LocalAPIError: Error, Sendable, HTTPResponseError {
  /// The HTTP status.
  var status: HTTPResponse.Status
  /// What went wrong and what would be right.
  var message: String
  /// The input field at fault, when there is one.
  var field: String?
  /// Extra response headers (for example `Retry-After`).
  var headers: HTTPFields = [:]

  /// The JSON body of an error response.
  struct Body: Codable, Sendable {
    var error: String
    var field: String?
  }

  func response(from request: Request, context: some RequestContext) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(Body(error: message, field: field))
    var fields = headers
    fields[.contentType] = "application/json; charset=utf-8"
    return Response(
      status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(data: data)))
  }

  static func badRequest(_ message: String, field: String? = nil) -> Self {
    Self(status: .badRequest, message: message, field: field)
  }

  static func notFound(_ message: String, field: String? = nil) -> Self {
    Self(status: .notFound, message: message, field: field)
  }

  static func conflict(_ message: String, field: String? = nil) -> Self {
    Self(status: .conflict, message: message, field: field)
  }

  static func unauthorized(_ message: String) -> Self {
    Self(status: .unauthorized, message: message, field: nil, headers: [.wwwAuthenticate: "Bearer"])
  }

  static func internalError(_ message: String) -> Self {
    Self(status: .internalServerError, message: message)
  }
}

/// Thrown after the connection was closed on purpose (fault injection); nothing is sent.
struct ConnectionDropped: Error, Sendable {}
