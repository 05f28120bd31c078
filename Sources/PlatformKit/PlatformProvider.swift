import HehoEngine
import HehoManifest

/// A provider that reaches one platform over HTTP: what every such provider shares, written
/// once here so that the providers cannot drift apart (the client, the endpoint a plan
/// records, decoding that reports what was being read, and the live ID a write needs).
public protocol PlatformProvider: Provider {
  /// Creates the provider for the platform reached through `access`; a descriptor's
  /// `makeProvider` calls it.
  init(access: PlatformAccess)
  /// The shared writes, over the provider's client: creates that never duplicate, deletes,
  /// calls.
  var writes: PlatformWrites { get }
  /// The endpoint the client reaches, as recorded in plans.
  var endpoint: String { get }
}

extension PlatformProvider {
  /// The one platform, at its endpoint.
  public var platforms: [PlatformEndpoint] {
    [PlatformEndpoint(name: name, endpoint: endpoint)]
  }

  /// Decodes `response` to `request`; a body that is not `type` is a `ProviderError` naming
  /// the request read.
  public func decode<T: Decodable>(
    _ type: T.Type, from response: HTTPResponse, for request: HTTPRequest
  ) throws -> T {
    do {
      return try writes.client.decode(type, from: response, for: request.line)
    } catch let error as APIClientError {
      throw writes.failure(error, doing: "reading \(request.line)")
    }
  }

  /// The platform ID a write of `step` addresses. A missing or empty one is an error, never
  /// sent: `DELETE /chatbots?chatbotId=` could not mean the resource planned.
  public func liveID(of step: ApplyStep) throws -> String {
    guard let id = step.liveID, !id.isEmpty else {
      throw ProviderError(
        "\(step.address): the plan has no live ID to \(step.action.rawValue) it by; run heho "
          + "plan again")
    }
    return id
  }
}
