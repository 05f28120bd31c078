import HehoManifest

/// The project file (`heho.yaml`) an export writes: the project's name and, for each platform
/// exported, its endpoint and the variable that holds its key (never the key).
public enum ProjectFileText {
  /// One platform's settings in the file.
  public struct Provider: Sendable, Hashable {
    /// The platform's name (`heho`).
    public var name: String
    /// Its endpoint.
    public var endpoint: String
    /// The variable that holds its key.
    public var apiKeyEnv: String

    /// Creates provider settings.
    public init(name: String, endpoint: String, apiKeyEnv: String) {
      self.name = name
      self.endpoint = endpoint
      self.apiKeyEnv = apiKeyEnv
    }
  }

  /// The file's text.
  public static func text(project: String, providers: [Provider]) -> String {
    var lines = [
      "apiVersion: \(ProjectSchema.apiVersion)", "kind: \(ProjectSchema.kindName)", "metadata:",
      "  name: \(ExportYAML.scalar(project))", "spec:", "  providers:",
    ]
    for provider in providers {
      lines += [
        "    \(provider.name):", "      endpoint: \(ExportYAML.scalar(provider.endpoint))",
        "      apiKeyEnv: \(ExportYAML.scalar(provider.apiKeyEnv))",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
