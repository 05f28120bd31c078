import Foundation
import HehoEngine
import Logging

/// Why an API call failed, classified for the caller's recovery.
public enum APIClientError: Error, Sendable, Hashable {
  /// The platform refused the request (4xx other than 429); not retried.
  /// `afterUnknownOutcome`: an earlier attempt of the same request may have been processed.
  case rejected(status: Int, message: String, afterUnknownOutcome: Bool)
  /// A write got no clear answer (timeout, lost connection, 5xx): it may have been processed.
  case unknownOutcome(String)
  /// Retries ran out on a transient failure.
  case unavailable(String)
  /// The response could not be read.
  case malformed(String)
}

/// Sends authenticated JSON requests with retries: connection errors, timeouts, 429 and 5xx
/// are retried for idempotent requests; a non-idempotent request whose outcome is unknown is
/// never re-sent here: the caller decides (look up first). The key never appears in errors.
public struct APIClient: Sendable {
  let transport: any HTTPTransport
  let apiKey: String
  let retry: RetryPolicy
  /// Removes the key from any text that could reach output.
  public let redactor: Redactor
  let logger: Logger
  /// Requests sent, reads and writes.
  public let counter: RequestCounter

  /// Creates a client.
  public init(
    transport: any HTTPTransport, apiKey: String, retry: RetryPolicy = RetryPolicy(),
    counter: RequestCounter = RequestCounter(), logger: Logger = Logger(label: "heho.api")
  ) {
    self.transport = transport
    self.apiKey = apiKey
    self.retry = retry
    self.redactor = Redactor(secrets: [apiKey])
    self.counter = counter
    self.logger = logger
  }

  /// Sends `request` and returns a 2xx response.
  /// - Parameters:
  ///   - idempotent: whether re-sending after an unknown outcome is safe.
  ///   - write: whether it counts as a write.
  public func send(
    _ request: HTTPRequest, idempotent: Bool, write: Bool
  ) async throws -> HTTPResponse {
    var request = request
    request.headers["Authorization"] = "Bearer \(apiKey)"
    if request.body != nil { request.headers["Content-Type"] = "application/json" }
    if let operation = PlatformOperation.current {
      request.headers[PlatformOperation.header] = operation
    }
    var uncertain = false
    var lastProblem = ""
    for attempt in 1...retry.maxAttempts {
      if attempt > 1 { logger.debug("retrying \(request.line), attempt \(attempt)") }
      counter.record(write: write)
      let response: HTTPResponse
      do {
        response = try await transport.send(request)
      } catch let error as TransportError {
        lastProblem = redactor.redact(error.description)
        if error.outcomeUnknown {
          uncertain = true
          if !idempotent { throw APIClientError.unknownOutcome(lastProblem) }
        }
        try await pause(before: attempt + 1, retryAfter: nil)
        continue
      } catch is CancellationError {
        throw CancellationError()
      } catch {
        lastProblem = "\(request.line) failed: \(redactor.redact(String(describing: error)))"
        uncertain = true
        if !idempotent { throw APIClientError.unknownOutcome(lastProblem) }
        try await pause(before: attempt + 1, retryAfter: nil)
        continue
      }
      switch response.status {
      case 200..<300:
        return response
      case 429:
        lastProblem = "\(request.line) was refused with 429 Too Many Requests"
        try await pause(before: attempt + 1, retryAfter: response.header("Retry-After"))
      case 500..<600:
        lastProblem = "\(request.line) failed with \(response.status): \(message(in: response))"
        uncertain = true
        if !idempotent { throw APIClientError.unknownOutcome(lastProblem) }
        try await pause(before: attempt + 1, retryAfter: response.header("Retry-After"))
      default:
        throw APIClientError.rejected(
          status: response.status, message: message(in: response), afterUnknownOutcome: uncertain)
      }
    }
    throw APIClientError.unavailable(
      "\(lastProblem) (gave up after \(retry.maxAttempts) attempts)")
  }

  func pause(before attempt: Int, retryAfter: String?) async throws {
    guard attempt <= retry.maxAttempts else { return }
    try await retry.sleep(retry.delay(beforeRetry: attempt - 1, retryAfter: retryAfter))
  }

  /// The server's error message (redacted), or the status when there is none. Each platform
  /// shapes it its own way: HeHo `{"error": "…", "field": "…"}`, BotHero
  /// `{"error": {"message": "…", "param": "…"}}`, Heppu `{"error": {"message": "…", "field": …}}`.
  func message(in response: HTTPResponse) -> String {
    let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
    var text: String?
    var field: String?
    switch object?["error"] {
    case let plain as String:
      text = plain
      field = object?["field"] as? String
    case let detail as [String: Any]:
      text = detail["message"] as? String
      field = (detail["field"] ?? detail["param"]) as? String
    default:
      text = object?["message"] as? String
    }
    guard let text, !text.isEmpty else { return "HTTP \(response.status)" }
    return redactor.redact(text + (field.map { " (field \($0))" } ?? ""))
  }

  /// Encodes a JSON body.
  public static func json(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(value)
  }

  /// Decodes a JSON response body.
  public func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse, for line: String)
    throws -> T
  {
    do {
      return try JSONDecoder().decode(type, from: response.body)
    } catch {
      throw APIClientError.malformed("\(line) returned a body heho cannot read (\(type))")
    }
  }
}
