import Foundation
import Hummingbird

/// Decodes JSON request bodies, turning decoding failures into 400s that name the field.
package enum RequestBodyDecoder {
  /// The largest body accepted.
  package static let maximumSize = 4 * 1024 * 1024

  /// Decodes the body of `request` as `T`.
  package static func decode<T: Decodable>(
    _ type: T.Type, from request: Request, context: LocalRequestContext
  ) async throws -> T {
    let data = try await body(of: request)
    if data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) {
      throw LocalAPIError.badRequest("request body is required: a JSON object")
    }
    do {
      return try JSONDecoder().decode(T.self, from: data)
    } catch let error as DecodingError {
      throw describe(error)
    }
  }

  /// The body of `request` as a JSON object, its members by name (for partial updates, where an
  /// absent member and a `null` one mean different things).
  package static func object(
    from request: Request, context: LocalRequestContext
  ) async throws -> [String: JSONValue] {
    let text = String(decoding: try await body(of: request), as: UTF8.self)
    if text.allSatisfy(\.isWhitespace) {
      throw LocalAPIError.badRequest("request body is required: a JSON object")
    }
    guard let value = JSONValue.parse(text) else {
      throw LocalAPIError.badRequest("request body is not valid JSON")
    }
    guard case .object(let members) = value else {
      throw LocalAPIError.badRequest("request body must be a JSON object")
    }
    return members
  }

  /// The bytes of the body, up to `maximumSize`; 413 when it is larger.
  private static func body(of request: Request) async throws -> Data {
    var request = request
    do {
      return Data(buffer: try await request.collectBody(upTo: maximumSize))
    } catch {
      throw LocalAPIError(
        status: .contentTooLarge, message: "request body is larger than \(maximumSize) bytes")
    }
  }

  private static func describe(_ error: DecodingError) -> LocalAPIError {
    switch error {
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      if context.codingPath.isEmpty {
        return .badRequest("request body must be a JSON object")
      }
      let field = path(context.codingPath)
      return .badRequest("\(field) must be \(expected(type))", field: field)
    case .keyNotFound(let key, let context):
      let field = path(context.codingPath + [key])
      return .badRequest("\(field) is required", field: field)
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        return .badRequest("request body is not valid JSON")
      }
      let field = path(context.codingPath)
      return .badRequest("\(field) has an invalid value", field: field)
    @unknown default:
      return .badRequest("request body is not valid")
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    var text = ""
    for key in keys {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? key.stringValue : "." + key.stringValue
      }
    }
    return text
  }

  private static func expected(_ type: Any.Type) -> String {
    let name = String(describing: type)
    if name.contains("String") && !name.contains("Dictionary") && !name.contains("Array") {
      return "a string"
    }
    if name.contains("Bool") { return "true or false" }
    if name.hasPrefix("Array") || name.hasPrefix("[") && !name.contains(":") { return "an array" }
    if name.hasPrefix("Dictionary") || name.contains(":") { return "an object" }
    if name.contains("Int") || name.contains("Double") { return "a number" }
    return "a valid value"
  }
}
