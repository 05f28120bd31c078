import HehoEngine
import HehoManifest
import HehoProviders

/// The platform a session talks to: the provider, and the embedded platform behind it with
/// `--local`.
struct PlatformConnection: Sendable {
  var provider: HehoProvider
  var embedded: EmbeddedPlatform?

  /// Starts the embedded platform (`--local`) or resolves the endpoint and key of `project`.
  static func open(_ options: ProjectOptions, project: ProjectSettings) async -> Result<
    PlatformConnection, ProviderError
  > {
    do {
      if options.local {
        let embedded = try await EmbeddedPlatform.start()
        let configuration = HehoConfiguration(endpoint: embedded.baseURL, apiKey: embedded.apiKey)
        return .success(
          PlatformConnection(
            provider: HehoProvider(configuration: configuration), embedded: embedded))
      }
      let configuration = try HehoConfiguration.resolve(
        project: project, environment: ProcessEnvironment.current,
        endpointOverride: options.endpoint)
      return .success(PlatformConnection(provider: HehoProvider(configuration: configuration)))
    } catch let error as ProviderError {
      return .failure(error)
    } catch {
      return .failure(ProviderError("cannot reach the platform: \(error)"))
    }
  }
}
