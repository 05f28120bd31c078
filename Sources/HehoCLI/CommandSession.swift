import ArgumentParser
import Foundation
import HehoEngine
import HehoManifest
import HehoProviders

/// What a plan or apply works on: the loaded manifests and the platform's provider.
struct CommandSession: Sendable {
  /// The desired state from the manifests.
  var state: DesiredState
  /// The platform.
  var provider: HehoProvider
  /// The embedded platform, when `--local` started one.
  var embedded: EmbeddedPlatform?
  /// The live state, read while the manifests loaded (when asked for).
  var live: Task<LiveState, any Error>?

  /// Loads the manifests (reporting every diagnostic) and sets up the provider.
  ///
  /// The project file alone says how to reach the platform, so the provider is set up as soon
  /// as it is read; with `prefetchLive` the live state is read while the resources load. A
  /// problem reaching the platform is reported only once the manifests are known to be valid.
  static func open(_ options: ProjectOptions, prefetchLive: Bool) async throws -> CommandSession {
    let console = ConsoleContext.current
    let loader = ManifestLoader()
    let stage = loader.loadProject(
      LoadOptions(
        path: options.path, environment: options.env, variables: options.variableOverrides,
        processEnvironment: ProcessEnvironment.current))
    var connection: Result<PlatformConnection, ProviderError>?
    if let settings = stage.settings, !stage.hasErrors {
      connection = await PlatformConnection.open(options, project: settings)
    }
    var live: Task<LiveState, any Error>?
    if prefetchLive, case .success(let connected) = connection {
      let provider = connected.provider
      live = Task { try await provider.fetchLiveState() }
    }
    let result = await loader.loadInBackground(stage)
    for diagnostic in result.diagnostics { console.err(diagnostic.description) }
    guard let state = result.state, !result.hasErrors else {
      live?.cancel()
      if case .success(let connected) = connection { await connected.embedded?.shutdown() }
      throw CommandFailure.report("the manifests have errors; nothing was planned")
    }
    switch connection {
    case .success(let connected):
      return CommandSession(
        state: state, provider: connected.provider, embedded: connected.embedded, live: live)
    case .failure(let error): throw CommandFailure.report(error.message)
    case nil: throw CommandFailure.report("the manifests have errors; nothing was planned")
    }
  }

  /// Stops what the session started.
  func close() async {
    live?.cancel()
    await embedded?.shutdown()
  }

  /// Runs `body` with the session open and closes it afterwards, also on errors.
  static func with<T: Sendable>(
    _ options: ProjectOptions, prefetchLive: Bool = true,
    _ body: (CommandSession) async throws -> T
  ) async throws -> T {
    let session = try await open(options, prefetchLive: prefetchLive)
    do {
      let value = try await body(session)
      await session.close()
      return value
    } catch {
      await session.close()
      throw error
    }
  }
}
