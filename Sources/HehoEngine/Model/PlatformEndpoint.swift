/// One platform a plan was made against: its name and where it was reached.
///
/// A saved plan records every platform's endpoint, so that it is never applied to another
/// account than the one it was planned against.
public struct PlatformEndpoint: Sendable, Hashable, Codable, Comparable {
  /// The platform's name (`heho`).
  public var name: String
  /// The base URL its API was reached at.
  public var endpoint: String

  /// Creates a platform endpoint.
  public init(name: String, endpoint: String) {
    self.name = name
    self.endpoint = endpoint
  }

  public static func < (lhs: PlatformEndpoint, rhs: PlatformEndpoint) -> Bool {
    (lhs.name, lhs.endpoint) < (rhs.name, rhs.endpoint)
  }
}
