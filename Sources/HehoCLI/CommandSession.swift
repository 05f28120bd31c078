import ArgumentParser
import Foundation
import HehoEngine
import HehoManifest
import PlatformKit
import Synchronization

/// What a plan or apply works on: the loaded manifests and the platforms they use, grouped
/// into one provider.
struct CommandSession: Sendable {
  /// The desired state from the manifests.
  var state: DesiredState
  /// The platforms in use, as one provider (one compile, one live state, one apply graph).
  var provider: ProviderGroup
  /// The embedded platform, when `--local` started one.
  var embedded: EmbeddedPlatform?
  /// The live state, read while the manifests loaded (when asked for).
  var live: Task<LiveState, any Error>?

  /// Loads the manifests (reporting every diagnostic) and sets up the platforms they use.
  ///
  /// The project file alone says how to reach each platform, so providers are set up as soon
  /// as it is read. With `prefetchLive`, a platform's live state is read as soon as the first
  /// document of one of its kinds is parsed (or at once, for a platform the project prunes),
  /// while the rest loads. Only platforms in use are contacted. A problem reaching one is
  /// reported only once the manifests are known to be valid.
  ///
  /// `embedded` says which platform `--local` starts; `probeLocalExtras` asks each endpoint
  /// whether it is HehoLocal (`PlatformConnection.open`).
  static func open(
    _ options: ProjectOptions, prefetchLive: Bool, embedded: EmbeddedSettings = .project,
    probeLocalExtras: Bool = false
  ) async throws -> CommandSession {
    let console = ConsoleContext.current
    let registry = ActivePlatforms.registry
    let loader = ManifestLoader(registry: registry.kindRegistry)
    let prefetch = LivePrefetch()
    var loadOptions = LoadOptions(
      path: options.path, environment: options.env, variables: options.variableOverrides,
      processEnvironment: ProcessEnvironment.current)
    // A throwaway sandbox needs no real secret: an unset variable is a placeholder there.
    loadOptions.sandboxPlaceholders = options.local && embedded.databasePath == nil
    var stage = loader.loadProject(loadOptions)
    var connection: Result<PlatformConnection, ProviderError>?
    if let settings = stage.settings, !stage.hasErrors {
      connection = await PlatformConnection.open(
        options, project: settings, registry: registry, embedded: embedded,
        probeLocalExtras: probeLocalExtras)
    }
    if prefetchLive, case .success(let connected) = connection, let settings = stage.settings {
      let inUse = PlatformsInUse(registry: registry) { name in
        guard let provider = connected.providers[name] else { return }
        prefetch.start(name) { try await provider.fetchLiveState() }
      }
      if settings.prune { for name in settings.declaredProviders { inUse.use(name) } }
      loadOptions.onKind = { inUse.saw(kind: $0) }
      stage.options = loadOptions
    }
    let result = await loader.loadInBackground(stage)
    if let state = result.state { Secrets.current.add(secretsIn: state, kinds: loader.registry) }
    for diagnostic in result.diagnostics { console.err(diagnostic.description) }
    guard let state = result.state, !result.hasErrors else {
      prefetch.cancelAll()
      if case .success(let connected) = connection { await connected.embedded?.shutdown() }
      throw CommandFailure.report("the manifests have errors; nothing was planned")
    }
    let connected: PlatformConnection
    switch connection {
    case .success(let value): connected = value
    case .failure(let error): throw CommandFailure.report(error.message)
    case nil: throw CommandFailure.report("the manifests have errors; nothing was planned")
    }
    do {
      let used = PlatformsInUse.names(in: state, registry: registry)
      let providers = try used.map { try connected.provider($0) }
      let group = ProviderGroup(providers)
      var live: Task<LiveState, any Error>?
      if prefetchLive {
        let tasks = zip(used, providers).map { name, provider in
          prefetch.take(name) ?? Task { try await provider.fetchLiveState() }
        }
        prefetch.cancelAll()
        live = Task {
          var parts: [LiveState] = []
          for task in tasks { parts.append(try await task.value) }
          return LiveState.merged(parts)
        }
      }
      return CommandSession(
        state: state, provider: group, embedded: connected.embedded, live: live)
    } catch let error as ProviderError {
      prefetch.cancelAll()
      await connected.embedded?.shutdown()
      throw CommandFailure.report(error.message)
    }
  }

  /// Stops what the session started.
  func close() async {
    live?.cancel()
    await embedded?.shutdown()
  }

  /// Runs `body` with the session open and closes it afterwards, also on errors.
  static func with<T: Sendable>(
    _ options: ProjectOptions, prefetchLive: Bool = true, embedded: EmbeddedSettings = .project,
    probeLocalExtras: Bool = false, _ body: (CommandSession) async throws -> T
  ) async throws -> T {
    let session = try await open(
      options, prefetchLive: prefetchLive, embedded: embedded,
      probeLocalExtras: probeLocalExtras)
    do {
      let value = try await body(session)
      await session.close()
      // The desired state (every resource as loaded) is freed while the command goes on.
      BackgroundRelease.release(session)
      return value
    } catch {
      await session.close()
      throw error
    }
  }
}

/// Live-state reads started while the manifests load, one per platform.
final class LivePrefetch: Sendable {
  private let tasks = Mutex<[String: Task<LiveState, any Error>]>([:])

  /// Starts reading `name`'s live state, unless it is already being read.
  func start(_ name: String, _ read: @escaping @Sendable () async throws -> LiveState) {
    tasks.withLock { tasks in
      if tasks[name] == nil { tasks[name] = Task { try await read() } }
    }
  }

  /// The read of `name`, handed over to the caller (no longer cancelled here).
  func take(_ name: String) -> Task<LiveState, any Error>? {
    tasks.withLock { $0.removeValue(forKey: name) }
  }

  /// Cancels every read not taken. (The embedded server stops gracefully, answering what is
  /// in flight, so nothing waits for them here.)
  func cancelAll() {
    let pending = tasks.withLock { tasks in
      defer { tasks = [:] }
      return Array(tasks.values)
    }
    for task in pending { task.cancel() }
  }
}
