/// `kind: Project`, the project file `heho.yaml`: providers, variables, environments, prune.
public enum ProjectSchema {
  /// The kind's name.
  public static let kindName = "Project"
  /// The file name looked for at the root of the manifests.
  public static let fileName = "heho.yaml"
  /// The `apiVersion` of the project file: the tool's own, whatever platforms it configures.
  public static let apiVersion = "heho/v1"

  /// Variable names: letters, digits, `_` and `-`, not starting with a digit.
  static let variableNamePattern = "^[A-Za-z_][A-Za-z0-9_-]*$"

  /// The schema of the whole project document, whose `spec.providers` may name the platforms
  /// in `providerNames`.
  public static func document(providerNames: [String]) -> FieldSchema {
    var name = NamePatterns.displayName("project name")
    name.interpolated = false
    return DocumentSchema.envelope(
      kind: kindName, apiVersion: apiVersion, nameSchema: name, spec: spec(providerNames),
      lifecycle: nil)
  }

  static func spec(_ providerNames: [String]) -> FieldSchema {
    let providers = providers(providerNames)
    return .object(
      "Project spec",
      [
        .init("providers", providers),
        .init("variables", variables),
        .init(
          "environments",
          FieldSchema(
            .map(
              keyPattern: variableNamePattern, keyHint: "letters, digits, '_' and '-'",
              values: .object(
                "environment", [.init("variables", variables), .init("providers", providers)])),
            summary: "named environments (--env NAME) overriding variables and providers")),
        .init("prune", .boolean("delete live resources that no manifest names (default false)")),
      ])
  }

  static var variables: FieldSchema {
    FieldSchema(
      .map(
        keyPattern: variableNamePattern, keyHint: "letters, digits, '_' and '-'",
        values: FieldSchema(.scalar(asText: true), summary: "the value; may use ${var.X}, ${env.X}")
      ),
      summary: "values for ${var.NAME}")
  }

  static func providers(_ providerNames: [String]) -> FieldSchema {
    let provider = FieldSchema.object(
      "provider",
      [
        .init(
          "endpoint",
          FieldSchema(
            .string, summary: "the API's base URL", label: "endpoint",
            pattern: "^https?://[^\\s]+$", patternHint: "an http:// or https:// URL",
            interpolated: false)),
        .init(
          "apiKeyEnv",
          FieldSchema(
            .string, summary: "the environment variable holding the API key (never the key)",
            label: "apiKeyEnv", pattern: "^[A-Za-z_][A-Za-z0-9_]*$",
            patternHint:
              "the NAME of an environment variable (letters, digits, '_'), never the key",
            interpolated: false, secret: true)),
      ])
    return .object(
      "providers", providerNames.map { .init($0, provider) },
      summary: "platform settings by provider")
  }
}
