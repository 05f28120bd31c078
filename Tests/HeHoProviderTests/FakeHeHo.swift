import Foundation
import HeHoProvider
import HehoTestSupport
import PlatformKit

/// A tiny in-memory HeHo behind a closure transport, with scripted faults.
actor FakeHeHo {
  enum Fault: Sendable {
    /// Answer with this status (and Retry-After) without processing.
    case status(Int, retryAfter: String?)
    /// Process the request, then fail with 500.
    case commitThen500
    /// Process the request, then lose the connection.
    case commitThenDrop
    /// Lose the connection without processing.
    case drop
  }

  static let key = "hk_live_SECRET_1234567890"

  var chatbots: [[String: Any]] = []
  var tables: [String: [[String: Any]]] = [:]
  var rows: [String: Int] = [:]
  var requests: [HTTPRequest] = []
  var faults: [String: [Fault]] = [:]
  var nextID = 1
  var echoKeyInErrors = false

  /// Queues faults for requests whose `METHOD /path` is `line`, in order.
  func fail(_ line: String, with list: [Fault]) { faults[line, default: []] += list }

  func setEcho(_ echo: Bool) { echoKeyInErrors = echo }

  func addChatbot(name: String, id: String? = nil, extra: [String: Any] = [:]) {
    var bot: [String: Any] = [
      "id": id ?? "bot-\(nextID)", "name": name, "goal": "g", "description": "d", "model": "m",
      "tone": "professional", "theme": "sky",
    ]
    nextID += 1
    bot.merge(extra) { _, new in new }
    chatbots.append(bot)
  }

  func addTable(_ name: String, columns: [(String, String, Bool)], rows count: Int = 0) {
    tables[name] = columns.map { ["column_name": $0.0, "data_type": $0.1, "required": $0.2] }
    rows[name] = count
  }

  func lines() -> [String] { requests.map(\.line) }

  var chatbotCount: Int { chatbots.count }
  var tableCount: Int { tables.count }

  var transport: ClosureTransport {
    ClosureTransport { request in try await self.handle(request) }
  }

  func handle(_ request: HTTPRequest) throws -> HTTPResponse {
    requests.append(request)
    guard request.headers["Authorization"] == "Bearer \(FakeHeHo.key)" else {
      return Self.json(401, ["error": "unknown key"])
    }
    var fault: Fault?
    if var queue = faults[request.line], !queue.isEmpty {
      fault = queue.removeFirst()
      faults[request.line] = queue
    }
    switch fault {
    case .status(let code, let retryAfter):
      var response = Self.json(code, ["error": "injected \(code)"])
      if let retryAfter { response.headers["retry-after"] = retryAfter }
      return response
    case .drop:
      throw TransportError(.connectionLost, request.line)
    default:
      break
    }
    let response = process(request)
    switch fault {
    case .commitThen500: return Self.json(500, ["error": "internal error"])
    case .commitThenDrop: throw TransportError(.connectionLost, request.line)
    default: return response
    }
  }

  func process(_ request: HTTPRequest) -> HTTPResponse {
    let body =
      (request.body.flatMap { try? JSONSerialization.jsonObject(with: $0) }) as? [String: Any]
      ?? [:]
    switch (request.method, request.path) {
    case ("GET", "/api/v1/chatbots/manage"):
      return Self.json(200, ["chatbots": chatbots])
    case ("GET", "/api/v1/database/manage"):
      let list = tables.keys.sorted().map { ["table_name": $0, "columns": tables[$0] ?? []] }
      return Self.json(200, ["tables": list])
    case ("POST", "/api/v1/database/manage"):
      let name = body["tableName"] as? String ?? ""
      guard tables[name] != nil else { return Self.json(404, ["error": "no table \(name)"]) }
      return Self.json(200, ["data": [], "count": rows[name] ?? 0])
    case ("POST", "/api/v1/chatbots/manage"):
      let name = body["name"] as? String ?? ""
      if echoKeyInErrors {
        return Self.json(400, ["error": "bad request from key \(FakeHeHo.key)", "field": "name"])
      }
      // Like HeHo, a repeated chatbot name is accepted.
      var bot = body
      bot["id"] = "bot-\(nextID)"
      nextID += 1
      chatbots.append(bot)
      return Self.json(201, ["success": true, "chatbot": bot])
    case ("DELETE", "/api/v1/chatbots/manage"):
      let id = request.query.first { $0.name == "chatbotId" }?.value ?? ""
      guard let index = chatbots.firstIndex(where: { $0["id"] as? String == id }) else {
        return Self.json(404, ["error": "no chatbot \(id)"])
      }
      chatbots.remove(at: index)
      return Self.json(200, ["success": true, "id": id])
    case ("POST", "/api/v1/database/tables"):
      let name = body["tableName"] as? String ?? ""
      if tables[name] != nil { return Self.json(409, ["error": "table exists"]) }
      let columns = body["columns"] as? [[String: Any]] ?? []
      tables[name] = columns.map {
        ["column_name": $0["name"] ?? "", "data_type": $0["type"] ?? "", "required": false]
      }
      return Self.json(201, ["success": true])
    case ("DELETE", "/api/v1/database/tables"):
      let name = body["tableName"] as? String ?? ""
      guard tables.removeValue(forKey: name) != nil else {
        return Self.json(404, ["error": "no table \(name)"])
      }
      return Self.json(200, ["success": true, "tableName": name])
    case ("POST", "/api/v1/database/tables/connect"):
      let name = body["tableName"] as? String ?? ""
      if tables[name] != nil { return Self.json(409, ["error": "already on the platform"]) }
      return Self.json(404, ["error": "no table '\(name)' in the organization's database"])
    default:
      return Self.json(405, ["error": "no route"])
    }
  }

  static func json(_ status: Int, _ object: [String: Any]) -> HTTPResponse {
    let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    return HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: data)
  }
}

/// Records the delays a retry policy asked for, instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
  let lock = NSLock()
  var delays: [Duration] = []

  var policy: RetryPolicy {
    RetryPolicy(
      maxAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .seconds(1),
      retryAfterCap: .seconds(10),
      sleep: { duration in
        self.record(duration)
      }, random: { 0.5 })
  }

  func record(_ duration: Duration) {
    lock.withLock { delays.append(duration) }
  }

  var recorded: [Duration] {
    lock.lock()
    defer { lock.unlock() }
    return delays
  }
}
