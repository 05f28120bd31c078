import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// A BotHero (`/v1/…`) and Heppu (`/api/v1/agents`) stand-in whose errors quote the request
/// back: its headers and body, as sent, JSON-escaped and percent-encoded, so that a key or
/// secret that is not redacted in each of those forms shows in heho's output.
struct LeakEchoServer: Sendable {
  /// How the server answers the calls it echoes.
  enum Answer: String, CaseIterable, Sendable {
    /// 400: refused, not retried; the error body's message is shown.
    case badRequest
    /// 401: the key is refused; the message is shown with advice.
    case unauthorized
    /// 503 with `Retry-After: 0`: retried (a create is looked up and sent again), then given
    /// up with the last message.
    case unavailable
    /// 200 whose body is not what the API promises.
    case malformed

    var status: HTTPResponse.Status {
      switch self {
      case .badRequest: .badRequest
      case .unauthorized: .unauthorized
      case .unavailable: .serviceUnavailable
      case .malformed: .ok
      }
    }
  }

  /// Which calls are echoed.
  enum Scope: String, CaseIterable, Sendable {
    /// Every call: the list calls `plan`, `drift` and `apply` begin with fail.
    case reads
    /// Writes only; the list calls answer an empty, valid list, so `apply` gets to the writes.
    case writes
  }

  /// What every echoed error begins with.
  static let marker = "echo of what you sent"

  let answer: Answer
  let scope: Scope
  /// What the server received.
  let log = EchoLog()

  /// The server, ready for `test(.live)`.
  func application() -> some ApplicationProtocol {
    let responder = CallbackResponder<BasicRequestContext> { request, _ in
      var request = request
      let buffer = try await request.collectBody(upTo: 1 << 22)
      let body = String(buffer: buffer)
      log.record(request, body: body)
      if request.method == .get && scope == .writes {
        return Self.json(.ok, Self.emptyList(for: request.uri.path))
      }
      let echo = Self.echo(request, body: body)
      let object: [String: Any] = answer == .malformed ? ["unexpected": echo] : ["error": echo]
      return Self.json(answer.status, object, retryAfter: answer == .unavailable ? "0" : nil)
    }
    return Application(
      responder: responder,
      configuration: .init(address: .hostname("127.0.0.1", port: 0)))
  }

  /// An empty page as each platform's contract gives it.
  static func emptyList(for path: String) -> [String: Any] {
    guard path.hasPrefix("/api/v1/") else { return ["data": [Any]()] }
    return [
      "success": true, "data": [Any](),
      "pagination": ["page": 1, "limit": 100, "total": 0, "totalPages": 0],
    ]
  }

  /// The request quoted three times: as sent, JSON-escaped (`/` as `\/`), percent-encoded.
  static func echo(_ request: Request, body: String) -> String {
    let headers = request.headers.map { "\($0.name): \($0.value)" }.joined(separator: "; ")
    let sent = "\(request.method) \(request.uri.path) [\(headers)] \(body)"
    return "\(marker): plain: \(sent) | json: \(jsonEscaped(sent)) | percent: "
      + percentEncoded(sent)
  }

  /// `text` as inside a JSON string, `/` escaped as many encoders do.
  static func jsonEscaped(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": escaped += "\\\\"
      case "\"": escaped += "\\\""
      case "/": escaped += "\\/"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  /// `text` with every byte but the unreserved ones as `%HH` (as `encodeURIComponent`).
  static func percentEncoded(_ text: String) -> String {
    var allowed = CharacterSet(charactersIn: "-._~")
    allowed.formUnion(CharacterSet(charactersIn: "a"..."z"))
    allowed.formUnion(CharacterSet(charactersIn: "A"..."Z"))
    allowed.formUnion(CharacterSet(charactersIn: "0"..."9"))
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }

  static func json(
    _ status: HTTPResponse.Status, _ object: [String: Any], retryAfter: String? = nil
  ) -> Response {
    var fields: HTTPFields = [.contentType: "application/json"]
    if let retryAfter { fields[.retryAfter] = retryAfter }
    let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8)
    return Response(
      status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(data: data)))
  }
}

/// What an echo server received: requests by `METHOD path`, and which carried a given key in
/// `Authorization` or a given secret in their body.
final class EchoLog: Sendable {
  private struct Entry: Sendable {
    var route: String
    var authorization: String
    var body: String
  }

  private let entries = Mutex<[Entry]>([])

  func record(_ request: Request, body: String) {
    let entry = Entry(
      route: "\(request.method) \(request.uri.path)",
      authorization: request.headers[.authorization] ?? "", body: body)
    entries.withLock { $0.append(entry) }
  }

  /// Requests received, by `METHOD path`.
  var routes: [String: Int] {
    entries.withLock { $0.reduce(into: [:]) { $0[$1.route, default: 0] += 1 } }
  }

  /// Requests sent with `Authorization: Bearer KEY`.
  func requests(withKey key: String) -> Int {
    entries.withLock { $0.filter { $0.authorization == "Bearer \(key)" }.count }
  }

  /// Requests whose JSON body held `secret` (heho's encoder writes `/` as `\/`).
  func requests(withSecret secret: String) -> Int {
    let escaped = LeakEchoServer.jsonEscaped(secret)
    return entries.withLock { $0.filter { $0.body.contains(escaped) }.count }
  }
}
