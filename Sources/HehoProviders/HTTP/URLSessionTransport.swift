import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Sends requests with URLSession, relative to a base URL, with a per-request timeout.
public struct URLSessionTransport: HTTPTransport {
  /// The platform's base URL (`https://heho.vercel.app`).
  public var baseURL: URL
  /// How long one request may take.
  public var timeout: Duration
  let session: URLSession
  let configuration: URLSessionConfiguration

  /// Creates a transport.
  public init(baseURL: URL, timeout: Duration = .seconds(30)) {
    self.baseURL = baseURL
    self.timeout = timeout
    let configuration = URLSessionConfiguration.ephemeral
    let seconds = Double(timeout.components.seconds)
    configuration.timeoutIntervalForRequest = seconds
    configuration.timeoutIntervalForResource = seconds
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.httpShouldUsePipelining = false
    self.configuration = configuration
    self.session = URLSession(configuration: configuration)
  }

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    let base =
      baseURL.absoluteString.hasSuffix("/")
      ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
    guard var components = URLComponents(string: base + request.path) else {
      throw TransportError(.cannotConnect, "invalid URL for \(request.line)")
    }
    if !request.query.isEmpty {
      components.queryItems = request.query.map { URLQueryItem(name: $0.name, value: $0.value) }
    }
    guard let url = components.url else {
      throw TransportError(.cannotConnect, "invalid URL for \(request.line)")
    }
    var urlRequest = URLRequest(url: url)
    urlRequest.httpMethod = request.method
    urlRequest.httpBody = request.body
    for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
    // A session, and so a connection, of its own for every request: on a reused connection
    // that dies, libcurl silently sends the request again (for a create whose first copy
    // committed, a duplicate), and after the server drops connections a read on a shared
    // session can wait for the whole timeout.
    let session = URLSession(configuration: configuration)
    defer { session.finishTasksAndInvalidate() }
    do {
      let (data, response) = try await session.data(for: urlRequest)
      guard let http = response as? HTTPURLResponse else {
        throw TransportError(.connectionLost, "not an HTTP response to \(request.line)")
      }
      var headers: [String: String] = [:]
      for (name, value) in http.allHeaderFields {
        headers[String(describing: name).lowercased()] = String(describing: value)
      }
      return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    } catch let error as URLError {
      throw URLSessionTransport.classify(error, request: request)
    }
  }

  static func classify(_ error: URLError, request: HTTPRequest) -> TransportError {
    switch error.code {
    case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
      return TransportError(.cannotConnect, "\(request.line): \(error.code.rawValue)")
    case .timedOut:
      return TransportError(.timedOut, request.line)
    default:
      return TransportError(.connectionLost, "\(request.line): URL error \(error.code.rawValue)")
    }
  }
}
