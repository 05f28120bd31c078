import Foundation
import HehoManifest
import PlatformKit
import PlatformRegistry
import Testing

@Suite("Examples load")
struct ExampleTests {
  func load(_ example: String, environment: String? = nil) -> LoadResult {
    ManifestLoader(registry: PlatformRegistry.standard.kindRegistry).load(
      LoadOptions(
        path: Fixtures.repositoryRoot.appendingPathComponent("examples/\(example)").path,
        environment: environment))
  }

  @Test func supportDeskIsValid() throws {
    let result = load("support-desk")
    #expect(result.diagnostics.isEmpty, "\(result.messages)")
    let state = try #require(result.state)
    #expect(state.project.name == "support-desk")
    #expect(state.resources.count == 10)
    let bot = try #require(
      state.resource(at: ResourceAddress(kind: "chatbot", name: "support-bot")))
    #expect(bot.spec["descriptionFile"] == nil)
    #expect((bot.spec["description"]?.stringValue?.count ?? 0) >= 200)
    #expect(bot.spec["model"] == .string("qwen/qwen3-next-80b-a3b-instruct:free"))
    #expect(bot.fieldLocations["description"]?.line == 8)
    let permission = try #require(
      state.resource(at: ResourceAddress(kind: "permission", name: "orders-bot-orders")))
    #expect(
      permission.references == [
        ResourceAddress(kind: "chatbot", name: "orders-bot"),
        ResourceAddress(kind: "table", name: "orders"),
      ])
    let orders = try #require(state.resource(at: ResourceAddress(kind: "table", name: "orders")))
    #expect(orders.lifecycle.preventDestroy)
    #expect(orders.fieldLocations["columns[1].type"]?.line == 22)
    #expect(orders.location.file.hasSuffix("support-desk/tables.yaml"))
  }

  @Test func multiEnvironmentSwitchesModelThemeAndKey() throws {
    let dev = try #require(load("multi-env", environment: "dev").state)
    let prod = try #require(load("multi-env", environment: "prod").state)
    #expect(dev.project.environment == "dev")
    #expect(prod.project.providers["heho"]?.apiKeyEnv == "HEHO_PROD_API_KEY")
    #expect(dev.project.providers["heho"]?.apiKeyEnv == "HEHO_DEV_API_KEY")
    let address = ResourceAddress(kind: "chatbot", name: "concierge")
    #expect(dev.resource(at: address)?.spec["model"] != prod.resource(at: address)?.spec["model"])
    #expect(dev.resource(at: address)?.spec["theme"] != prod.resource(at: address)?.spec["theme"])
  }

  @Test func unknownEnvironmentListsKnownOnes() {
    let result = load("multi-env", environment: "prd")
    #expect(result.state == nil)
    result.expectMessage("unknown environment 'prd'; did you mean 'prod'?")
    result.expectMessage("known environments: dev, prod")
  }
}
