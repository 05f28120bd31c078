import Foundation

/// An HTTP request relative to a platform's base URL.
public struct HTTPRequest: Sendable, Hashable {
  /// `GET`, `POST`, `DELETE`, …
  public var method: String
  /// The path, starting with `/`.
  public var path: String
  /// Query parameters, in order.
  public var query: [QueryItem]
  /// Header fields.
  public var headers: [String: String]
  /// The body, if any.
  public var body: Data?
  /// A body streamed from a file instead (`body` is then nil).
  public var streamedBody: StreamedBody?

  /// One query parameter.
  public struct QueryItem: Sendable, Hashable {
    public var name: String
    public var value: String

    /// Creates a query parameter.
    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  /// Creates a request.
  public init(
    method: String, path: String, query: [QueryItem] = [], headers: [String: String] = [:],
    body: Data? = nil
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.body = body
  }

  /// `METHOD /path` — what errors may show (never headers).
  public var line: String { "\(method) \(path)" }
}

/// An HTTP response.
public struct HTTPResponse: Sendable, Hashable {
  /// The status code.
  public var status: Int
  /// Header fields, names lower-cased.
  public var headers: [String: String]
  /// The body.
  public var body: Data

  /// Creates a response; header names are lower-cased.
  public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
    self.status = status
    self.headers = Dictionary(
      headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    self.body = body
  }

  /// A header's value by case-insensitive name.
  public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
