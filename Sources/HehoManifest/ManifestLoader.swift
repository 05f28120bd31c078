import Foundation

/// What to load and how to resolve it.
public struct LoadOptions: Sendable {
  /// A manifest file or a directory searched recursively for `.yaml` and `.yml` files.
  public var path: String
  /// The environment named with `--env`, whose overrides apply.
  public var environment: String?
  /// `--var NAME=VALUE` overrides, strongest of all.
  public var variables: [String: String]
  /// The process environment, for `${env.NAME}`.
  public var processEnvironment: [String: String]
  /// Called with each resource document's `kind` as soon as its file is parsed, before the
  /// document is validated, from the threads that load files (so it must be cheap and
  /// thread-safe). A caller can start reading the live platforms a kind belongs to while the
  /// rest loads.
  public var onKind: (@Sendable (String) -> Void)?
  /// Whether an unset `${env.NAME}` without a default is a placeholder value and a warning
  /// rather than an error: for a throwaway sandbox (`heho test --local`), which needs no
  /// real secret, so that a pull request's tests run with no credentials.
  public var sandboxPlaceholders = false

  /// Creates load options.
  public init(
    path: String, environment: String? = nil, variables: [String: String] = [:],
    processEnvironment: [String: String] = [:], onKind: (@Sendable (String) -> Void)? = nil
  ) {
    self.path = path
    self.environment = environment
    self.variables = variables
    self.processEnvironment = processEnvironment
    self.onKind = onKind
  }
}

/// The outcome of loading: the desired state when there are no errors, and every diagnostic.
public struct LoadResult: Sendable {
  /// The desired state; `nil` when any diagnostic is an error.
  public var state: DesiredState?
  /// All diagnostics, sorted by file and position.
  public var diagnostics: [Diagnostic]

  /// Creates a load result.
  public init(state: DesiredState?, diagnostics: [Diagnostic]) {
    self.state = state
    self.diagnostics = diagnostics
  }

  /// The manifest files read (as shown in diagnostics), the project file included.
  public var files: [String] = []

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Loads, validates and resolves manifests.
public struct ManifestLoader: Sendable {
  /// The kinds understood.
  public var registry: KindRegistry

  /// Creates a loader for the kinds in `registry`.
  public init(registry: KindRegistry) {
    self.registry = registry
  }

  /// Loads every manifest under `options.path`, reporting all problems at once.
  public func load(_ options: LoadOptions) -> LoadResult {
    load(loadProject(options))
  }

  /// `load(_:)` on threads of its own. Files are read and validated on all cores, so an async
  /// caller must not wait for that on its own thread, nor on Dispatch's workers: blocking
  /// Swift's cooperative threads (as many as cores) stalls every other task in the process.
  public func loadInBackground(_ stage: ProjectStage) async -> LoadResult {
    await DedicatedThreads.run { load(stage) }
  }

  /// `load(_:)` of every manifest under `options.path`, on threads of its own.
  public func loadInBackground(_ options: LoadOptions) async -> LoadResult {
    await loadInBackground(loadProject(options))
  }

  /// Finds the manifest files and resolves the project file alone (settings, `--env`,
  /// variables): quick, and enough to reach the platform.
  public func loadProject(_ options: LoadOptions) -> ProjectStage {
    let paths = DisplayPath()
    var stage = ProjectStage(options: options, settings: nil, diagnostics: [], paths: paths)
    switch ManifestFileFinder().find(options.path) {
    case .success(let found): stage.files = found
    case .failure(let problem):
      stage.diagnostics = [problem.diagnostic]
      return stage
    }
    guard let files = stage.files else { return stage }
    let projectURL = files.projectFile
    if let projectURL {
      stage.projectDocuments = parse(
        projectURL, paths: paths, diagnostics: &stage.projectParseDiagnostics)
    }
    let projectRoot = stage.projectDocuments.first { isProject($0.root) }?.root
    stage.projectRootLocation = projectRoot?.location
    if let projectURL, projectRoot == nil {
      stage.diagnostics.append(
        Diagnostic(
          .error, "\(ProjectSchema.fileName) has no document of kind Project",
          at: SourceLocation(file: paths.display(projectURL), line: 1, column: 1)))
    }
    let loader = ProjectLoader(
      options: options, registry: registry, defaultName: files.root.lastPathComponent,
      hasProjectFile: projectURL != nil)
    let (project, variables) = loader.load(projectRoot, diagnostics: &stage.diagnostics)
    stage.settings = project
    stage.variables = variables
    return stage
  }

  /// Reads, validates and resolves every resource document of a project stage, files on all
  /// cores, reporting all problems at once.
  public func load(_ stage: ProjectStage) -> LoadResult {
    guard let files = stage.files, let project = stage.settings else {
      return LoadResult(state: nil, diagnostics: stage.diagnostics)
    }
    let paths = stage.paths
    var diagnostics = stage.diagnostics
    let projectURL = files.projectFile
    let projectIsManifest = projectURL.map(files.manifests.contains) ?? false
    if !projectIsManifest {
      diagnostics += stage.projectParseDiagnostics.filter { $0.severity == .error }
    }
    let documents = DocumentLoader(
      registry: registry,
      interpolator: Interpolator(
        variables: stage.variables, environment: stage.options.processEnvironment,
        placeholders: stage.options.sandboxPlaceholders))
    let results = loadAll(files.manifests, stage: stage, documents: documents)
    // A YAML data file that a data kind reads (a TableData's `file`) is not a manifest: what
    // the walk made of it is dropped, and the data kind reports its own problems.
    let dataFiles = Set(results.flatMap(\.dataFiles))
    var manifests: [URL] = []
    // The drafts in one list (each copied once: a draft is a large value), what else each
    // document said in lists beside it.
    var drafts: [ResourceDraft] = []
    var lifecycles: [Lifecycle] = []
    var previousNames: [[String]] = []
    // Resources whose documents have errors of their own: declared, though not loaded.
    var unloaded: Set<ResourceAddress> = []
    for (url, file) in zip(files.manifests, results) {
      if dataFiles.contains(url.standardizedFileURL) { continue }
      manifests.append(url)
      unloaded.formUnion(file.unloaded)
      for resource in file.loaded {
        drafts.append(resource.draft)
        lifecycles.append(resource.lifecycle)
        previousNames.append(resource.previousNames)
      }
      diagnostics += file.diagnostics
    }
    let (problems, references) = ReferenceChecker(registry: registry).check(
      drafts, unloaded: unloaded)
    diagnostics += PreviousNamesChecker().check(drafts, previousNames: previousNames)
    diagnostics += problems
    var result = LoadResult(state: nil, diagnostics: Self.sorted(diagnostics))
    result.files = manifests.map { paths.display($0) }
    if let projectURL, !projectIsManifest {
      result.files.insert(paths.display(projectURL), at: 0)
    }
    guard !result.hasErrors else { return result }
    var resources: [DesiredResource] = []
    var tests: [DesiredResource] = []
    resources.reserveCapacity(drafts.count)
    for index in drafts.indices {
      var desired = DesiredResource(
        kind: drafts[index].kind, name: drafts[index].name, spec: drafts[index].spec,
        lifecycle: lifecycles[index], location: drafts[index].location,
        references: references[index], previousNames: previousNames[index])
      desired.locations = drafts[index].locations
      // The project's own kinds (conversation tests) are run, never planned or applied.
      if registry.isProjectKind(drafts[index].kind) {
        tests.append(desired)
      } else {
        resources.append(desired)
      }
    }
    result.state = DesiredState(project: project, resources: resources, tests: tests)
    // The drafts' positions and the files' results are freed while planning goes on.
    BackgroundRelease.release((consume drafts, consume results))
    return result
  }

  /// Parses and loads `urls` on all cores (files are independent), results in `urls`' order.
  private func loadAll(_ urls: [URL], stage: ProjectStage, documents: DocumentLoader)
    -> [(
      loaded: [DocumentLoader.Loaded], diagnostics: [Diagnostic], dataFiles: [URL],
      unloaded: [ResourceAddress]
    )]
  {
    DedicatedThreads.map(urls.count) { index in
      loadFile(urls[index], stage: stage, documents: documents)
    }
  }

  /// The resources of one file, and the addresses of those whose documents have errors; the
  /// project file's Project document is skipped.
  private func loadFile(_ url: URL, stage: ProjectStage, documents: DocumentLoader)
    -> ([DocumentLoader.Loaded], [Diagnostic], [URL], [ResourceAddress])
  {
    var dataFiles: [URL] = []
    var unloaded: [ResourceAddress] = []
    var diagnostics: [Diagnostic] = []
    let isProjectFile = url == stage.files?.projectFile
    let parsed: [YAMLDocumentReader.Document]
    if isProjectFile {
      parsed = stage.projectDocuments
      diagnostics = stage.projectParseDiagnostics
    } else {
      parsed = parse(url, paths: stage.paths, diagnostics: &diagnostics)
    }
    var loaded: [DocumentLoader.Loaded] = []
    for document in parsed {
      if isProject(document.root) {
        if isProjectFile, document.root.location == stage.projectRootLocation { continue }
        diagnostics.append(
          Diagnostic(
            .error,
            "a Project document belongs only in \(ProjectSchema.fileName) at the root of the "
              + "manifests", at: document.root.location))
        continue
      }
      if let onKind = stage.options.onKind, let kind = document.root.entry("kind")?.value.string {
        onKind(kind)
      }
      if let resource = documents.load(
        document.root, fileURL: url, diagnostics: &diagnostics, dataFiles: &dataFiles)
      {
        loaded.append(resource)
      } else if let kind = document.root.entry("kind")?.value.string,
        registry.kind(named: kind) != nil,
        let name = document.root.entry("metadata")?.value.entry("name")?.value.string
      {
        unloaded.append(ResourceAddress(kind: kind, name: name))
      }
    }
    return (loaded, diagnostics, dataFiles, unloaded)
  }

  private func parse(_ url: URL, paths: DisplayPath, diagnostics: inout [Diagnostic])
    -> [YAMLDocumentReader.Document]
  {
    let display = paths.display(url)
    switch SourceFileReader(displayPath: display).read(url) {
    case .failure(let problem):
      diagnostics.append(problem.diagnostic)
      return []
    case .success(let text):
      let (documents, problems) = YAMLDocumentReader(file: display).read(text)
      diagnostics += problems
      return documents
    }
  }

  private func isProject(_ root: YAMLNode) -> Bool {
    root.entry("kind")?.value.string == ProjectSchema.kindName
  }

  /// Diagnostics without a location first, then by file, line and column; stable otherwise.
  static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { lhs, rhs in
      switch (lhs.element.location, rhs.element.location) {
      case (nil, nil): return lhs.offset < rhs.offset
      case (nil, _): return true
      case (_, nil): return false
      case (let left?, let right?):
        if left != right { return left < right }
        return lhs.offset < rhs.offset
      }
    }.map(\.element)
  }
}
