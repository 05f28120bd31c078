/// Reads the Project document and turns it, with `--env` and `--var`, into settings and
/// resolved variables.
struct ProjectLoader {
  var options: LoadOptions
  /// The platforms a project may configure, with their defaults.
  var registry: KindRegistry
  /// The project name to use without a project file.
  var defaultName: String
  /// Whether a project file exists (when it does but holds no readable Project document, its
  /// own errors are reported and `--env` is not judged).
  var hasProjectFile: Bool

  /// Settings and variables; problems are appended to `diagnostics`.
  func load(_ root: YAMLNode?, diagnostics: inout [Diagnostic]) -> (
    ProjectSettings, [String: ResolvedText]
  ) {
    var validator = StructureValidator(interpolator: nil)
    var document: Value?
    let schema = ProjectSchema.document(providerNames: registry.groups.map(\.name))
    if let root {
      document = validator.validate(root, schema, path: "")
      diagnostics += validator.diagnostics
      if let document {
        var checker = ValueChecker(
          locations: validator.locations, fallback: root.location, resolvedTexts: [:])
        checker.check(document, schema, path: "")
        diagnostics += checker.diagnostics
      }
    }
    let spec = document?["spec"]
    var settings = ProjectSettings(
      name: document?["metadata"]?["name"]?.stringValue ?? defaultName,
      providers: registry.providerDefaults)
    settings.prune = spec?["prune"]?.boolValue ?? false
    var definitions: [String: VariableResolver.Definition] = [:]
    func addVariables(_ value: Value?, prefix: String) {
      for (name, text) in value?.objectValue ?? [:] {
        definitions[name] = .init(
          text: text.stringValue ?? "", location: validator.locations["\(prefix).\(name)"]?.value,
          literal: false)
      }
    }
    addVariables(spec?["variables"], prefix: "spec.variables")
    applyProviders(spec?["providers"], to: &settings)
    if let environment = options.environment {
      let environments = spec?["environments"]?.objectValue ?? [:]
      if let selected = environments[environment] {
        settings.environment = environment
        addVariables(selected["variables"], prefix: "spec.environments.\(environment).variables")
        applyProviders(selected["providers"], to: &settings)
      } else if root != nil || !hasProjectFile {
        let known = environments.keys.sorted()
        let list =
          known.isEmpty
          ? "the project declares no environments (spec.environments in heho.yaml)"
          : "known environments: \(known.joined(separator: ", "))"
        diagnostics.append(
          Diagnostic(
            .error,
            "unknown environment '\(environment)'"
              + Suggestions.didYouMean(environment, among: known) + "; \(list)",
            at: validator.locations["spec.environments"]?.keyOrValue ?? root?.location))
      }
    }
    for name in options.variables.keys.sorted() {
      if definitions[name] == nil {
        diagnostics.append(
          Diagnostic(
            .warning,
            "--var '\(name)' is not declared in the project's variables"
              + Suggestions.didYouMean(name, among: definitions.keys.sorted()), at: nil))
      }
      definitions[name] = .init(text: options.variables[name] ?? "", location: nil, literal: true)
    }
    var resolver = VariableResolver(
      definitions: definitions, environment: options.processEnvironment)
    resolver.placeholders = options.sandboxPlaceholders
    let variables = resolver.resolveAll()
    diagnostics += resolver.diagnostics
    settings.variables = variables.mapValues(\.value)
    return (settings, variables)
  }

  private func applyProviders(_ value: Value?, to settings: inout ProjectSettings) {
    for (name, provider) in value?.objectValue ?? [:] {
      guard var current = settings.providers[name] else { continue }
      settings.declaredProviders.insert(name)
      if let endpoint = provider["endpoint"]?.stringValue { current.endpoint = endpoint }
      if let apiKeyEnv = provider["apiKeyEnv"]?.stringValue { current.apiKeyEnv = apiKeyEnv }
      settings.providers[name] = current
    }
  }
}
