import Foundation
import HehoManifest
import Testing

@Suite("Variables, environments and interpolation")
struct VariableTests {
  static let project = """
    apiVersion: heho/v1
    kind: Project
    metadata:
      name: demo
    spec:
      variables:
        model: base-model
        suffix: "-v1"
        full: ${var.model}${var.suffix}
      environments:
        prod:
          variables: { model: prod-model }

    """

  func load(
    model: String, project: String = project, environment: String? = nil,
    variables: [String: String] = [:], processEnvironment: [String: String] = [:]
  ) throws -> LoadResult {
    let files = try TemporaryManifests([
      "heho.yaml": project, "bot.yaml": Fixtures.chatbot("bot", model: model),
    ])
    return files.load(
      environment: environment, variables: variables, processEnvironment: processEnvironment)
  }

  func model(_ result: LoadResult) -> String? {
    result.state?.resources.first?.spec["model"]?.stringValue
  }

  @Test func variablesReferenceVariablesAndEnvironmentsOverride() throws {
    #expect(model(try load(model: "${var.full}")) == "base-model-v1")
    #expect(model(try load(model: "${var.full}", environment: "prod")) == "prod-model-v1")
    #expect(
      model(try load(model: "${var.full}", environment: "prod", variables: ["model": "cli"]))
        == "cli-v1")
  }

  @Test func interpolationInsideLongerStringsAndEscapes() throws {
    #expect(model(try load(model: "x/${var.model}:free")) == "x/base-model:free")
    let escaped = try load(model: "'$${var.model}'")
    #expect(model(escaped) == "${var.model}", "\(escaped.messages)")
  }

  @Test func environmentVariablesAndDefaults() throws {
    #expect(model(try load(model: "${env.MODEL}", processEnvironment: ["MODEL": "m"])) == "m")
    #expect(model(try load(model: "${env.MODEL:-fallback}")) == "fallback")
    let missing = try load(model: "${env.MODEL}")
    #expect(
      missing.messages.contains("bot.yaml:8:10: error: environment variable 'MODEL' is not set"))
  }

  @Test func undefinedVariableIsPositionedWithSuggestion() throws {
    let result = try load(model: "m-${var.modle}")
    result.expectMessage(
      "bot.yaml:8:12: error: undefined variable 'modle' in ${var.modle}; did you mean 'model'?")
  }

  @Test func cyclesAreErrors() throws {
    let project = """
      apiVersion: heho/v1
      kind: Project
      metadata: { name: demo }
      spec:
        variables:
          a: ${var.b}
          b: x-${var.a}

      """
    let result = try load(model: "${var.a}", project: project)
    result.expectMessage("refers to itself")
    #expect(result.errors.allSatisfy { $0.location != nil })
  }

  @Test func environmentValuesAreNeverEchoed() throws {
    let secret = "sk-very-secret-value"
    let text = Fixtures.chatbot("bot", extra: "  tone: ${env.TONE}\n")
    let files = try TemporaryManifests(["bot.yaml": text])
    let result = files.load(processEnvironment: ["TONE": secret])
    #expect(result.hasErrors)
    #expect(!result.messages.contains(secret))
    result.expectMessage("the value from ${env.TONE}")
  }

  @Test func unknownVarOverrideWarns() throws {
    let result = try load(model: "${var.model}", variables: ["modle": "x"])
    #expect(!result.hasErrors)
    result.expectMessage("--var 'modle' is not declared")
  }

  @Test func malformedReferences() throws {
    #expect(try load(model: "${var.model").messages.contains("unterminated '${'"))
    #expect(try load(model: "${model}").messages.contains("not a known reference"))
  }
}

@Suite("Project file")
struct ProjectFileTests {
  @Test func apiKeysInTheProjectFileAreRefusedWithoutEchoing() throws {
    let project = """
      apiVersion: heho/v1
      kind: Project
      metadata: { name: demo }
      spec:
        providers:
          heho:
            apiKey: sk-live-abc123
            apiKeyEnv: sk-live-def456

      """
    let files = try TemporaryManifests(["heho.yaml": project])
    let result = files.load()
    result.expectMessage("heho.yaml:7:7: error: unknown field 'apiKey' in provider")
    result.expectMessage("secrets never go in manifests")
    result.expectMessage("heho.yaml:8:18: error: apiKeyEnv the value is not valid")
    #expect(!result.messages.contains("sk-live"))
  }

  @Test func defaultsWithoutProjectFile() throws {
    let files = try TemporaryManifests(["t.yaml": Fixtures.table("t")])
    let state = try #require(files.load().state)
    #expect(
      state.project.providers["heho"]
        == ProjectSettings.Provider(endpoint: "https://heho.vercel.app", apiKeyEnv: "HEHO_API_KEY"))
    #expect(state.project.declaredProviders.isEmpty)
    #expect(state.project.prune == false)
    #expect(state.project.name == files.url.lastPathComponent)
  }
}
