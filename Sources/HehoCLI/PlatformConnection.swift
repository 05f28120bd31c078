import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

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

  /// Starts the embedded platform (`--local`, as `embedded` says), or resolves each platform's
  /// endpoint and key from `project`, the process environment and `--endpoint`. With
  /// `probeLocalExtras`, each resolved endpoint is asked whether it is HehoLocal (one
  /// `GET /_local/health`), whose extras conversation tests use.
  static func open(
    _ options: ProjectOptions, project: ProjectSettings, registry: PlatformRegistry,
    embedded settings: EmbeddedSettings = .project, probeLocalExtras: Bool = false
  ) async -> Result<PlatformConnection, ProviderError> {
    var connection = PlatformConnection(providers: [:], failures: [:])
    do {
      let overrides = try EndpointOverrides(options.endpoint, registry: registry)
      if options.local {
        let embedded = try await EmbeddedPlatform.start(settings)
        Secrets.current.add(embedded.apiKey)
        connection.embedded = embedded
        for platform in registry.platforms {
          var access = embedded.access(for: platform)
          access.localExtras = true
          connection.providers[platform.name] = platform.makeProvider(access)
        }
        return .success(connection)
      }
      for platform in registry.platforms {
        do {
          var access = try PlatformAccess.resolve(
            platform, project: project, environment: ProcessEnvironment.current,
            endpointOverride: overrides.byPlatform[platform.name])
          Secrets.current.add(access.apiKey)
          if probeLocalExtras { access.localExtras = await LocalExtrasProbe.answers(access) }
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
