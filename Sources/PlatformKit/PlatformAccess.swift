import Foundation
import HehoEngine
import HehoManifest

/// Where one platform is and the key to use. The key is held only here and in the client;
/// it is never rendered.
public struct PlatformAccess: Sendable {
  /// The platform's base URL.
  public var endpoint: URL
  /// The API key.
  public var apiKey: String
  /// How requests are sent; `nil` uses AsyncHTTPClient (`NIOHTTPTransport`). A test seam.
  public var transport: (any HTTPTransport)?
  /// How failed requests are retried.
  public var retry: RetryPolicy
  /// Whether the platform is served by HehoLocal, whose extras (a Heppu agent's test chat, a
  /// webhook's delivery log, the sources a reply was grounded on) a live platform does not
  /// have. Set when heho started it (`--local`) or found it answering `/_local/health`.
  public var localExtras = false

  /// Creates an access.
  public init(
    endpoint: URL, apiKey: String, transport: (any HTTPTransport)? = nil,
    retry: RetryPolicy = RetryPolicy()
  ) {
    self.endpoint = endpoint
    self.apiKey = apiKey
    self.transport = transport
    self.retry = retry
  }

  /// An API client for this access.
  public func client() -> APIClient {
    APIClient(
      transport: transport ?? NIOHTTPTransport(baseURL: endpoint), apiKey: apiKey, retry: retry)
  }

  /// Resolves the endpoint (`endpointOverride` first, then `providers.NAME.endpoint`) and the
  /// key from the variable `providers.NAME.apiKeyEnv` names, for `platform`.
  ///
  /// - Throws: `ProviderError` naming the setting or the variable to fix.
  public static func resolve(
    _ platform: any PlatformDescriptor, project: ProjectSettings, environment: [String: String],
    endpointOverride: String? = nil
  ) throws -> PlatformAccess {
    let settings =
      project.providers[platform.name]
      ?? ProjectSettings.Provider(
        endpoint: platform.defaultEndpoint, apiKeyEnv: platform.defaultKeyVariable)
    let endpointText = endpointOverride ?? settings.endpoint
    guard let endpoint = URL(string: endpointText), let scheme = endpoint.scheme,
      ["http", "https"].contains(scheme.lowercased()), endpoint.host != nil
    else {
      throw ProviderError(
        "the \(platform.displayName) endpoint '\(endpointText)' is not an http(s) URL; set "
          + "providers.\(platform.name).endpoint in heho.yaml to e.g. \(platform.defaultEndpoint)")
    }
    let variable = settings.apiKeyEnv
    guard let key = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines),
      !key.isEmpty
    else {
      throw ProviderError(
        "the \(platform.displayName) API key is missing: set the environment variable "
          + "\(variable) (named by providers.\(platform.name).apiKeyEnv in heho.yaml) to your "
          + "\(platform.displayName) API key")
    }
    return PlatformAccess(endpoint: endpoint, apiKey: key)
  }
}
