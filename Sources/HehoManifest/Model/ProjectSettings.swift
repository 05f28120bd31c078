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
  /// Providers by name (`heho`); HeHo's defaults apply when the file names none.
  public var providers: [String: Provider]
  /// Variables after the environment's and `--var` overrides.
  public var variables: [String: String]
  /// The environment selected with `--env`, if any.
  public var environment: String?
  /// Delete live resources that no manifest names.
  public var prune: Bool

  /// The HeHo platform's defaults.
  public static let defaultHehoProvider = Provider(
    endpoint: "https://heho.vercel.app", apiKeyEnv: "HEHO_API_KEY")

  /// Creates project settings.
  public init(
    name: String, providers: [String: Provider] = ["heho": defaultHehoProvider],
    variables: [String: String] = [:], environment: String? = nil, prune: Bool = false
  ) {
    self.name = name
    self.providers = providers
    self.variables = variables
    self.environment = environment
    self.prune = prune
  }
}
