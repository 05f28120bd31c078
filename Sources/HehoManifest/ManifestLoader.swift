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

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Loads, validates and resolves manifests.
public struct ManifestLoader: Sendable {
  /// Creates a loader.
  public init() {}

  /// Loads every manifest under `options.path`, reporting all problems at once.
  public func load(_ options: LoadOptions) -> LoadResult {
    LoadResult(
      state: nil,
      diagnostics: [Diagnostic(.error, "manifest loading is not implemented yet", at: nil)])
  }
}
