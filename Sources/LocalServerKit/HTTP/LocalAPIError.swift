import Foundation
import Hummingbird

/// An error of the local platform: an HTTP status, a message and the field at fault.
///
/// Every failure of the local platform ends up as one of these; messages name what is wrong and
/// what would be right, never SQL text, keys or stack traces. Each platform's module writes it
/// in its own body shape; `response()` is the shape of the local extras,
/// `{"error": "...", "field": "..."}`.
package struct LocalAPIError: Error, Sendable {
  /// The HTTP status.
  package var status: HTTPResponse.Status
  /// What went wrong and what would be right.
  package var message: String
  /// The input field at fault, when there is one.
  package var field: String?
  /// Extra response headers (for example `Retry-After`).
  package var headers: HTTPFields = [:]

  /// Creates an error.
  package init(
    status: HTTPResponse.Status, message: String, field: String? = nil, headers: HTTPFields = [:]
  ) {
    self.status = status
    self.message = message
    self.field = field
    self.headers = headers
  }

  /// The JSON body of an error response.
  package struct Body: Codable, Sendable {
    var error: String
    var field: String?
  }

  package func response() throws -> Response {
    try response(body: Body(error: message, field: field))
  }

  /// A response with `body` as its JSON, this error's status and headers.
  package func response(body: some Encodable) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(body)
    var fields = headers
    fields[.contentType] = "application/json; charset=utf-8"
    return Response(
      status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(data: data)))
  }

  package static func badRequest(_ message: String, field: String? = nil) -> Self {
    Self(status: .badRequest, message: message, field: field)
  }

  package static func notFound(_ message: String, field: String? = nil) -> Self {
    Self(status: .notFound, message: message, field: field)
  }

  package static func conflict(_ message: String, field: String? = nil) -> Self {
    Self(status: .conflict, message: message, field: field)
  }

  package static func unauthorized(_ message: String) -> Self {
    Self(status: .unauthorized, message: message, field: nil, headers: [.wwwAuthenticate: "Bearer"])
  }

  package static func internalError(_ message: String) -> Self {
    Self(status: .internalServerError, message: message)
  }
}

/// Thrown after the connection was closed on purpose (fault injection); nothing is sent.
package struct ConnectionDropped: Error, Sendable {}
