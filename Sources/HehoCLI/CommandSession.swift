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

  /// Loads the manifests (reporting every diagnostic) and sets up the provider.
  static func open(_ options: ProjectOptions) async throws -> CommandSession {
    let console = ConsoleContext.current
    let result = ManifestLoader().load(
      LoadOptions(
        path: options.path, environment: options.env, variables: options.variableOverrides,
        processEnvironment: ProcessEnvironment.current))
    for diagnostic in result.diagnostics { console.err(diagnostic.description) }
    guard let state = result.state, !result.hasErrors else {
      throw CommandFailure.report("the manifests have errors; nothing was planned")
    }
    do {
      if options.local {
        let embedded = try await EmbeddedPlatform.start()
        let configuration = HehoConfiguration(endpoint: embedded.baseURL, apiKey: embedded.apiKey)
        return CommandSession(
          state: state, provider: HehoProvider(configuration: configuration), embedded: embedded)
      }
      let configuration = try HehoConfiguration.resolve(
        project: state.project, environment: ProcessEnvironment.current,
        endpointOverride: options.endpoint)
      return CommandSession(state: state, provider: HehoProvider(configuration: configuration))
    } catch let error as ProviderError {
      throw CommandFailure.report(error.message)
    }
  }

  /// Stops what the session started.
  func close() async {
    await embedded?.shutdown()
  }

  /// Runs `body` with the session open and closes it afterwards, also on errors.
  static func with<T: Sendable>(
    _ options: ProjectOptions, _ body: (CommandSession) async throws -> T
  ) async throws -> T {
    let session = try await open(options)
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
