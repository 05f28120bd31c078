import Foundation
import HehoEngine
import HehoManifest
import HehoPlatform

/// How a session reaches each registered platform: a provider where the endpoint and key
/// resolved, the reason where they did not, and the embedded platform behind them with
/// `--local`. Nothing is contacted here.
struct PlatformConnection: Sendable {
  /// Providers of the platforms that can be reached, by name.
  var providers: [String: any Provider]
  /// Why a platform cannot be reached (a missing key, a bad endpoint), by name. Only an error
  /// for a platform the manifests use.
  var failures: [String: ProviderError]
  /// The embedded platform, when `--local` started one.
  var embedded: EmbeddedPlatform?

  /// Starts the embedded platform (`--local`), or resolves each platform's endpoint and key
  /// from `project`, the process environment and `--endpoint`.
  static func open(
    _ options: ProjectOptions, project: ProjectSettings, registry: PlatformRegistry
  ) async -> Result<PlatformConnection, ProviderError> {
    var connection = PlatformConnection(providers: [:], failures: [:])
    do {
      let overrides = try EndpointOverrides(options.endpoint, registry: registry)
      if options.local {
        let embedded = try await EmbeddedPlatform.start()
        Secrets.current.add(embedded.apiKey)
        connection.embedded = embedded
        for platform in registry.platforms {
          connection.providers[platform.name] = platform.makeProvider(
            embedded.access(for: platform))
        }
        return .success(connection)
      }
      for platform in registry.platforms {
        do {
          let access = try PlatformAccess.resolve(
            platform, project: project, environment: ProcessEnvironment.current,
            endpointOverride: overrides.byPlatform[platform.name])
          Secrets.current.add(access.apiKey)
          connection.providers[platform.name] = platform.makeProvider(access)
        } catch let error as ProviderError {
          connection.failures[platform.name] = error
        }
      }
      return .success(connection)
    } catch let error as ProviderError {
      return .failure(error)
    } catch let error as EmbeddedPlatformError {
      return .failure(ProviderError(error.message))
    } catch {
      return .failure(ProviderError("\(error)"))
    }
  }

  /// The provider of `name`, or the reason it cannot be reached.
  func provider(_ name: String) throws -> any Provider {
    if let provider = providers[name] { return provider }
    throw failures[name] ?? ProviderError("no platform is named '\(name)'")
  }
}
