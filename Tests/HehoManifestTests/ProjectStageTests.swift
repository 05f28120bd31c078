import Foundation
import HehoManifest
import PlatformKit
import PlatformRegistry
import Testing

/// Loading in two stages: the project alone (enough to reach the platform), then the resources.
@Suite struct ProjectStageTests {
  static let project = """
    apiVersion: heho/v1
    kind: Project
    metadata:
      name: shop
    spec:
      providers:
        heho: { endpoint: "https://example.test", apiKeyEnv: SHOP_KEY }
      environments:
        prod:
          providers:
            heho: { endpoint: "https://prod.example.test" }

    """

  @Test func projectStageHasTheSettingsBeforeAnyResourceIsRead() throws {
    let files = try TemporaryManifests([
      "heho.yaml": Self.project,
      "bot.yaml": Fixtures.chatbot("bot", model: "${var.missing}"),
    ])
    let loader = ManifestLoader(registry: PlatformRegistry.standard.kindRegistry)
    let stage = loader.loadProject(LoadOptions(path: files.path, environment: "prod"))
    #expect(!stage.hasErrors)
    #expect(stage.settings?.name == "shop")
    #expect(stage.settings?.environment == "prod")
    #expect(stage.settings?.providers["heho"]?.endpoint == "https://prod.example.test")
    #expect(stage.settings?.providers["heho"]?.apiKeyEnv == "SHOP_KEY")
    let result = loader.load(stage)
    #expect(result.state == nil)
    #expect(!result.errors.isEmpty)
    #expect(result.errors.allSatisfy { $0.location?.file.hasSuffix("bot.yaml") == true })
  }

  @Test func bothStagesTogetherEqualOneLoad() throws {
    let files = try TemporaryManifests([
      "heho.yaml": Self.project,
      "a.yaml": Fixtures.documents(Fixtures.table("orders"), Fixtures.table("faq")),
      "b.yaml": Fixtures.chatbot("bot"),
      "c.yaml": Fixtures.permission("bot-orders", chatbot: "bot", table: "orders"),
    ])
    let loader = ManifestLoader(registry: PlatformRegistry.standard.kindRegistry)
    let options = LoadOptions(path: files.path)
    let staged = loader.load(loader.loadProject(options))
    let whole = loader.load(options)
    #expect(staged.state == whole.state)
    #expect(staged.files == whole.files)
    #expect(
      whole.state?.resources.map(\.address.description)
        == ["table/orders", "table/faq", "chatbot/bot", "permission/bot-orders"])
  }

  @Test(arguments: ["missing-dir", "heho.yaml"])
  func projectProblemsShowInTheStage(path: String) throws {
    let files = try TemporaryManifests([
      "heho.yaml": "apiVersion: heho/v1\nkind: Project\nmetadata: { name: shop }\nspec: nope\n"
    ])
    let stage = ManifestLoader(registry: PlatformRegistry.standard.kindRegistry).loadProject(
      LoadOptions(path: files.url.appendingPathComponent(path).path))
    #expect(stage.hasErrors)
    let result = ManifestLoader(registry: PlatformRegistry.standard.kindRegistry).load(stage)
    #expect(result.state == nil)
    #expect(!result.errors.isEmpty)
  }
}
