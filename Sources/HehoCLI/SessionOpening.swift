import HehoEngine
import HehoManifest
import PlatformKit

/// `CommandSession.open`, pass by pass: read the project file, connect to the platforms it
/// names, start reading live state as the kinds in use appear, load the manifests, and assemble
/// the session. A pass that fails stops what the earlier ones started (`abandon`).
struct SessionOpening {
  let registry = ActivePlatforms.registry
  let loader: ManifestLoader
  let options: ProjectOptions
  let embedded: EmbeddedSettings
  /// Live-state reads started while the manifests load.
  let prefetch = LivePrefetch()
  /// How the manifests load; `prefetchAsKindsAppear` adds a callback per kind.
  var loadOptions: LoadOptions
  /// The project file, read.
  var stage: ProjectStage
  /// The platforms, once the project file says how to reach them; `nil` when it has errors.
  var connection: Result<PlatformConnection, ProviderError>?

  /// Pass 1: reads the project file, which alone says how to reach each platform.
  init(_ options: ProjectOptions, embedded: EmbeddedSettings) {
    self.options = options
    self.embedded = embedded
    loader = ManifestLoader(registry: registry.kindRegistry)
    loadOptions = LoadOptions(
      path: options.path, environment: options.env, variables: options.variableOverrides,
      processEnvironment: ProcessEnvironment.current)
    // A throwaway sandbox needs no real secret: an unset variable is a placeholder there.
    loadOptions.sandboxPlaceholders = options.local && embedded.databasePath == nil
    stage = loader.loadProject(loadOptions)
  }

  /// Pass 2: sets up the providers (and starts the embedded platform for `--local`) as soon as
  /// the project file is read without errors. A problem reaching a platform is kept, and
  /// reported only once the manifests are known to be valid.
  mutating func connect(probeLocalExtras: Bool) async {
    guard let settings = stage.settings, !stage.hasErrors else { return }
    connection = await PlatformConnection.open(
      options, project: settings, registry: registry, embedded: embedded,
      probeLocalExtras: probeLocalExtras)
  }

  /// Pass 3: reads a platform's live state as soon as the first document of one of its kinds
  /// is parsed (or at once, for a platform the project prunes), while the rest loads. Only
  /// platforms in use are contacted.
  mutating func prefetchAsKindsAppear() {
    guard case .success(let connected) = connection, let settings = stage.settings else { return }
    let prefetch = prefetch
    let inUse = PlatformsInUse(registry: registry) { name in
      guard let provider = connected.providers[name] else { return }
      prefetch.start(name) { try await provider.fetchLiveState() }
    }
    if settings.prune { for name in settings.declaredProviders { inUse.use(name) } }
    loadOptions.onKind = { inUse.saw(kind: $0) }
    stage.options = loadOptions
  }

  /// Pass 4: loads the manifests, reporting every diagnostic; the desired state and the
  /// connected platforms, or a failure once what was started is stopped.
  func loadManifests() async throws -> (DesiredState, PlatformConnection) {
    let result = await loader.loadInBackground(stage)
    if let state = result.state { Secrets.current.add(secretsIn: state, kinds: loader.registry) }
    let console = ConsoleContext.current
    for diagnostic in result.diagnostics { console.err(diagnostic.description) }
    guard let state = result.state, !result.hasErrors else {
      await abandon()
      throw CommandFailure.report("the manifests have errors; nothing was planned")
    }
    switch connection {
    case .success(let connected): return (state, connected)
    case .failure(let error): throw CommandFailure.report(error.message)
    case nil: throw CommandFailure.report("the manifests have errors; nothing was planned")
    }
  }

  /// Pass 5: groups the providers of the platforms the state uses and, with `prefetchLive`,
  /// merges their live-state reads (those started early, else new ones) into one.
  func assemble(_ state: DesiredState, on connected: PlatformConnection, prefetchLive: Bool)
    async throws -> CommandSession
  {
    do {
      let used = PlatformsInUse.names(in: state, registry: registry)
      let providers = try used.map { try connected.provider($0) }
      var live: Task<LiveState, any Error>?
      if prefetchLive {
        let prefetch = prefetch
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
        state: state, provider: ProviderGroup(providers), embedded: connected.embedded,
        live: live)
    } catch let error as ProviderError {
      await abandon()
      throw CommandFailure.report(error.message)
    }
  }

  /// Cancels the live reads not taken and stops the embedded platform, when a pass fails.
  func abandon() async {
    prefetch.cancelAll()
    if case .success(let connected) = connection { await connected.embedded?.shutdown() }
  }
}
