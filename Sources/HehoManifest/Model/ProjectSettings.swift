/// The project file (`heho.yaml`, kind `Project`) after the environment's overrides are applied.
public struct ProjectSettings: Sendable, Hashable, Codable {
  /// How to reach one platform. The key itself is never stored: only the name of its variable.
  public struct Provider: Sendable, Hashable, Codable {
    /// Base URL of the platform's API, e.g. `https://heho.vercel.app`.
    public var endpoint: String
    /// The environment variable that holds the API key, e.g. `HEHO_API_KEY`.
    public var apiKeyEnv: String

    /// Creates provider settings.
    public init(endpoint: String, apiKeyEnv: String) {
      self.endpoint = endpoint
      self.apiKeyEnv = apiKeyEnv
    }
  }

  /// `metadata.name`, or the directory's name when there is no project file.
  public var name: String
  /// Every registered platform's provider settings by name (`heho`): the defaults, with what
  /// the project file and the environment set.
  public var providers: [String: Provider]
  /// The platforms the project file names in `spec.providers` (or the selected environment
  /// does): with `prune`, heho reads and prunes these even when no manifest uses them.
  public var declaredProviders: Set<String>
  /// Variables after the environment's and `--var` overrides.
  public var variables: [String: String]
  /// The environment selected with `--env`, if any.
  public var environment: String?
  /// Delete live resources that no manifest names.
  public var prune: Bool

  /// Creates project settings.
  public init(
    name: String, providers: [String: Provider] = [:], declaredProviders: Set<String> = [],
    variables: [String: String] = [:], environment: String? = nil, prune: Bool = false
  ) {
    self.name = name
    self.providers = providers
    self.declaredProviders = declaredProviders
    self.variables = variables
    self.environment = environment
    self.prune = prune
  }
}
