import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// Sends requests with AsyncHTTPClient (SwiftNIO), relative to a base URL, with a per-request
/// timeout.
///
/// AsyncHTTPClient never sends a request a second time on its own: when a pooled connection
/// dies under a request, the request fails and `APIClient` decides (a create whose outcome is
/// unknown is looked up before it is sent again). So every request may share the pool.
public struct NIOHTTPTransport: HTTPTransport {
  /// The platform's base URL (`https://heho.vercel.app`).
  public var baseURL: URL
  /// How long one request may take, response body included.
  public var timeout: Duration
  /// The largest response body read.
  public var maxResponseBytes: Int
  let client: HTTPClient

  /// Creates a transport over the process-wide client.
  public init(
    baseURL: URL, timeout: Duration = .seconds(30), maxResponseBytes: Int = 256 << 20
  ) {
    self.baseURL = baseURL
    self.timeout = timeout
    self.maxResponseBytes = maxResponseBytes
    self.client = Self.shared
  }

  /// One client for the whole process, so connections are pooled across providers. It lives
  /// as long as the process and so is never shut down.
  static let shared: HTTPClient = {
    var configuration = HTTPClient.Configuration(
      redirectConfiguration: .disallow,
      timeout: .init(connect: .seconds(10), read: .seconds(30)),
      connectionPool: .init(
        idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 64),
      decompression: .disabled)
    // A refused or unreachable host fails the request at once instead of being retried
    // until the deadline.
    configuration.connectionPool.retryConnectionEstablishment = false
    return HTTPClient(
      eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
  }()

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    var outgoing = HTTPClientRequest(url: try url(for: request))
    outgoing.method = .RAW(value: request.method)
    for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
    if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
    if let streamed = request.streamedBody {
      let length = try streamed.length()
      outgoing.body = .stream(
        streamed.chunks().map { ByteBuffer(bytes: $0) }, length: .known(Int64(length)))
    }
    let deadline = NIODeadline.now() + .milliseconds(Int64(timeout / .milliseconds(1)))
    do {
      let response = try await client.execute(outgoing, deadline: deadline)
      let body = try await response.body.collect(upTo: maxResponseBytes)
      var headers: [String: String] = [:]
      for (name, value) in response.headers { headers[name.lowercased()] = value }
      return HTTPResponse(
        status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      throw Self.classify(error, request: request)
    }
  }

  /// `baseURL` + the request's path and query.
  func url(for request: HTTPRequest) throws -> String {
    let base =
      baseURL.absoluteString.hasSuffix("/")
      ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
    guard var components = URLComponents(string: base + request.path) else {
      throw TransportError(.cannotConnect, "invalid URL for \(request.line)")
    }
    if !request.query.isEmpty {
      components.queryItems = request.query.map { URLQueryItem(name: $0.name, value: $0.value) }
    }
    guard let url = components.string else {
      throw TransportError(.cannotConnect, "invalid URL for \(request.line)")
    }
    return url
  }

  /// Whether the request can have reached the platform decides the kind: only failures to
  /// connect are sure it did not.
  static func classify(_ error: any Error, request: HTTPRequest) -> TransportError {
    if let error = error as? HTTPClientError {
      switch error {
      case .connectTimeout:
        return TransportError(.cannotConnect, "\(request.line): connect timed out")
      case .deadlineExceeded, .readTimeout, .writeTimeout:
        return TransportError(.timedOut, request.line)
      default:
        return TransportError(.connectionLost, "\(request.line): \(error)")
      }
    }
    if error is NIOConnectionError {
      return TransportError(.cannotConnect, "\(request.line): connection refused or unreachable")
    }
    if case ChannelError.connectTimeout = error {
      return TransportError(.cannotConnect, "\(request.line): connect timed out")
    }
    if let error = error as? IOError,
      [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode)
    {
      return TransportError(.cannotConnect, "\(request.line): \(error.description)")
    }
    return TransportError(.connectionLost, "\(request.line): \(error)")
  }
}
