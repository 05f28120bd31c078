import Foundation
import Hummingbird

/// Builds JSON responses.
package enum JSONResponse {
  /// A response with `value` encoded as JSON.
  package static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws
    -> Response
  {
    let encoder = JSONEncoder()
    // Sorted keys: the same state always gives byte-identical responses.
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(data: data)))
  }

  /// A response with `value` written by `JSONWriter` (the same bytes, much faster).
  package static func make(writing value: some JSONWritable, status: HTTPResponse.Status = .ok)
    -> Response
  {
    var writer = JSONWriter(capacity: 1 << 16)
    value.write(to: &writer)
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(bytes: writer.bytes)))
  }
}
