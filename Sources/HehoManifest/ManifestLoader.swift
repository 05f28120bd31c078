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

  /// Creates load options.
  public init(
    path: String, environment: String? = nil, variables: [String: String] = [:],
    processEnvironment: [String: String] = [:]
  ) {
    self.path = path
    self.environment = environment
    self.variables = variables
    self.processEnvironment = processEnvironment
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
  public init(registry: KindRegistry = .standard) {
    self.registry = registry
  }

  /// Loads every manifest under `options.path`, reporting all problems at once.
  public func load(_ options: LoadOptions) -> LoadResult {
    let paths = DisplayPath()
    var diagnostics: [Diagnostic] = []
    let files: ManifestFileFinder.Files
    switch ManifestFileFinder().find(options.path) {
    case .success(let found): files = found
    case .failure(let problem): return LoadResult(state: nil, diagnostics: [problem.diagnostic])
    }
    var parsed: [(url: URL, documents: [YAMLDocumentReader.Document])] = []
    for url in files.manifests {
      parsed.append((url, parse(url, paths: paths, diagnostics: &diagnostics)))
    }
    let projectURL = files.projectFile
    var projectRoot: YAMLNode?
    var projectDocuments = parsed.first { $0.url == projectURL }?.documents
    if let projectURL, projectDocuments == nil {
      var ignored: [Diagnostic] = []
      projectDocuments = parse(projectURL, paths: paths, diagnostics: &ignored)
      diagnostics += ignored.filter { $0.severity == .error }
    }
    projectRoot = projectDocuments?.first { isProject($0.root) }?.root
    if let projectURL, projectDocuments != nil, projectRoot == nil {
      diagnostics.append(
        Diagnostic(
          .error, "\(ProjectSchema.fileName) has no document of kind Project",
          at: SourceLocation(file: paths.display(projectURL), line: 1, column: 1)))
    }
    let loader = ProjectLoader(
      options: options, defaultName: files.root.lastPathComponent,
      hasProjectFile: projectURL != nil)
    let (project, variables) = loader.load(projectRoot, diagnostics: &diagnostics)
    let documents = DocumentLoader(
      registry: registry,
      interpolator: Interpolator(variables: variables, environment: options.processEnvironment))
    var loaded: [DocumentLoader.Loaded] = []
    for (url, fileDocuments) in parsed {
      for document in fileDocuments {
        if isProject(document.root) {
          if url == projectURL, document.root.location == projectRoot?.location { continue }
          diagnostics.append(
            Diagnostic(
              .error,
              "a Project document belongs only in \(ProjectSchema.fileName) at the root of the "
                + "manifests", at: document.root.location))
          continue
        }
        if let resource = documents.load(document.root, fileURL: url, diagnostics: &diagnostics) {
          loaded.append(resource)
        }
      }
    }
    let (problems, references) = ReferenceChecker(registry: registry).check(loaded.map(\.draft))
    diagnostics += problems
    var result = LoadResult(state: nil, diagnostics: Self.sorted(diagnostics))
    result.files = parsed.map { paths.display($0.url) }
    if let projectURL, !files.manifests.contains(projectURL) {
      result.files.insert(paths.display(projectURL), at: 0)
    }
    guard !result.hasErrors else { return result }
    let resources = zip(loaded, references).map { resource, references in
      DesiredResource(
        kind: resource.draft.kind, name: resource.draft.name, spec: resource.draft.spec,
        lifecycle: resource.lifecycle, location: resource.draft.location,
        fieldLocations: resource.draft.fieldLocations, references: references)
    }
    result.state = DesiredState(project: project, resources: resources)
    return result
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
