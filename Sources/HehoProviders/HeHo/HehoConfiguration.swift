import Foundation
import HehoEngine
import HehoManifest

/// Where the HeHo platform is and the key to use: from the project's settings and the
/// process environment. The key is held only here and in the client; it is never rendered.
public struct HehoConfiguration: Sendable {
  /// The platform's base URL.
  public var endpoint: URL
  /// The API key.
  public var apiKey: String

  /// Creates a configuration.
  public init(endpoint: URL, apiKey: String) {
    self.endpoint = endpoint
    self.apiKey = apiKey
  }

  /// Resolves the endpoint (`endpointOverride` first, then `providers.heho.endpoint`) and the
  /// key from the variable `providers.heho.apiKeyEnv` names (`HEHO_API_KEY` by default).
  public static func resolve(
    project: ProjectSettings, environment: [String: String], endpointOverride: String? = nil
  ) throws -> HehoConfiguration {
    let settings = project.providers["heho"] ?? ProjectSettings.defaultHehoProvider
    let endpointText = endpointOverride ?? settings.endpoint
    guard let endpoint = URL(string: endpointText), let scheme = endpoint.scheme,
      ["http", "https"].contains(scheme.lowercased()), endpoint.host != nil
    else {
      throw ProviderError(
        "the HeHo endpoint '\(endpointText)' is not an http(s) URL; set providers.heho.endpoint "
          + "in heho.yaml to e.g. https://heho.vercel.app")
    }
    let variable = settings.apiKeyEnv
    guard let key = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines),
      !key.isEmpty
    else {
      throw ProviderError(
        "the HeHo API key is missing: set the environment variable \(variable) "
          + "(named by providers.heho.apiKeyEnv in heho.yaml) to your key from HeHo's Settings page"
      )
    }
    return HehoConfiguration(endpoint: endpoint, apiKey: key)
  }
}
