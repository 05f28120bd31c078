/// Sends one HTTP request: the only way provider clients reach the network.
public protocol HTTPTransport: Sendable {
  /// Sends `request` and returns the response, or throws a `TransportError`.
  func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// Why a request got no response.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What happened.
  public enum Kind: String, Sendable, Hashable {
    /// The connection could not be made: the request was not sent.
    case cannotConnect
    /// No response in time: the request may or may not have been processed.
    case timedOut
    /// The connection broke after the request was sent: outcome unknown.
    case connectionLost
  }

  /// What happened.
  public var kind: Kind
  /// A short detail (never a header or body).
  public var detail: String

  /// Creates a transport error.
  public init(_ kind: Kind, _ detail: String) {
    self.kind = kind
    self.detail = detail
  }

  /// Whether the platform may have processed the request.
  public var outcomeUnknown: Bool { kind != .cannotConnect }

  public var description: String {
    switch kind {
    case .cannotConnect: return "could not connect (\(detail))"
    case .timedOut: return "timed out (\(detail))"
    case .connectionLost: return "the connection was lost (\(detail))"
    }
  }
}
