import Foundation
import HeppuProvider
import Hummingbird
import PlatformRegistry
import Testing
import Yams

@testable import BotHeroLocalServer
@testable import HeHoLocalServer
@testable import HeppuLocalServer
@testable import LocalServerKit

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
  /// `METHOD /path` of every operation in `schemas/FILE`, each path behind `prefix` (the part
  /// of the server URL the paths are relative to) and with `{id}` written `:id`, as routes are.
  private func documentOperations(
    _ file: String = "heho-api.openapi.yaml", prefix: String = ""
  ) throws -> Set<String> {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("schemas/\(file)")
    let text = try String(contentsOf: url, encoding: .utf8)
    let document = try #require(try Yams.load(yaml: text) as? [String: Any])
    #expect(document["openapi"] as? String == "3.1.0")
    let paths = try #require(document["paths"] as? [String: Any])
    var operations: Set<String> = []
    for (path, item) in paths {
      let methods = try #require(item as? [String: Any])
      for method in methods.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
        let routePath =
          prefix
          + path.replacingOccurrences(of: "{", with: ":")
          .replacingOccurrences(of: "}", with: "")
        operations.insert("\(method.uppercased()) \(routePath)")
      }
    }
    return operations
  }

  @Test("the document and the route list name the same operations")
  func sameOperations() throws {
    #expect(
      try documentOperations() == Set((HeHoRoutes.all + LocalRoute.extras).map(\.description)))
  }

  @Test("the router serves every listed route and nothing answers 'no route'")
  func routerServesList() async throws {
    try await withPlatform { api in
      for route in (HeHoRoutes.all + LocalRoute.extras) {
        let response = try await api.call(route.httpMethod, route.path, "{}")
        #expect(response.status != .notFound || !response.error.hasPrefix("no route"), "\(route)")
        #expect(response.status != .methodNotAllowed, "\(route)")
      }
      let unlisted = try await api.call(.put, "/api/v1/chatbots/manage")
      #expect(unlisted.status == .methodNotAllowed)
    }
  }

  @Test("the BotHero document and its route list name the same operations")
  func botHeroOperations() throws {
    #expect(
      try documentOperations("bothero-api.openapi.yaml", prefix: "/v1")
        == Set(BotHeroRoutes.all.map(\.description)))
  }

  @Test("the Heppu document and its route list name the same operations")
  func heppuOperations() throws {
    #expect(
      try documentOperations("heppu-api.openapi.yaml", prefix: "/api/v1")
        == Set(HeppuRoutes.all.map(\.description)))
  }

  @Test("the Heppu document's catalog is the one heho validates by and HehoLocal serves")
  func heppuCatalog() throws {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("schemas/heppu-api.openapi.yaml")
    let document = try #require(
      try Yams.load(yaml: String(contentsOf: url, encoding: .utf8)) as? [String: Any])
    let schemas = try #require(
      (document["components"] as? [String: Any])?["schemas"] as? [String: Any])
    let config = try #require(
      (schemas["Config"] as? [String: Any])?["properties"] as? [String: Any])
    func property(_ name: String) -> [String: Any] { config[name] as? [String: Any] ?? [:] }
    #expect(property("voice")["enum"] as? [String] == AgentCatalog.voices)
    #expect(property("theme")["enum"] as? [String] == AgentCatalog.themes)
    #expect(property("position")["enum"] as? [String] == AgentCatalog.positions)
    #expect(property("speed")["minimum"] as? Double == AgentCatalog.speed.lowerBound)
    #expect(property("speed")["maximum"] as? Double == AgentCatalog.speed.upperBound)
    #expect(
      property("interruptionThreshold")["maximum"] as? Int
        == Int(AgentCatalog.interruptionThreshold.upperBound))
    #expect(property("allowedDomains")["maxItems"] as? Int == AgentCatalog.maximumDomains)
    #expect(
      (schemas["ToolID"] as? [String: Any])?["enum"] as? [String]
        == AgentCatalog.tools.map(\.id))
  }

  /// The three documents schemathesis runs against (`scripts/api-conformance`).
  static let documents = [
    "heho-api.openapi.yaml", "bothero-api.openapi.yaml", "heppu-api.openapi.yaml",
  ]

  @Test("every operation that takes a key lists 429, in all three documents")
  func everyOperationListsRateLimit() throws {
    for file in Self.documents {
      let audit = try OpenAPIDocumentAudit.load(file)
      #expect(audit.operations.count >= 7, "\(file) lists too few operations to be read right")
      #expect(audit.operationsWithoutRateLimit() == [], "\(file)")
    }
  }

  @Test("every create links its answer to the operations on what it created, and links are sound")
  func everyCreateHasLinks() throws {
    var linkCount = 0
    for file in Self.documents {
      let audit = try OpenAPIDocumentAudit.load(file)
      #expect(audit.createsWithoutLinks() == [], "\(file)")
      #expect(audit.brokenLinks() == [], "\(file)")
      #expect(audit.pathOperationsWithoutLinks() == [], "\(file)")
      linkCount += audit.links().count
    }
    // createChatbot 2, manageRows 1, createTable 2, issueToken 2, createBot 10, chat 2,
    // uploadDocument 2, createWebhook 3, createAgent 5.
    #expect(linkCount >= 29)
  }

  @Test("the audit names each fault of a broken document")
  func auditCatchesBrokenDocument() throws {
    let audit = try OpenAPIDocumentAudit(
      yaml: """
        openapi: 3.1.0
        security: [{ key: [] }]
        paths:
          /things:
            post:
              operationId: createThing
              responses:
                "201": { description: created }
                "429": { description: limited }
          /things/{id}:
            parameters: [{ name: id, in: path, required: true }]
            get:
              operationId: getThing
              responses:
                "200":
                  description: the thing
                  links:
                    Wrong: { operationId: getThing, parameters: { query.name: "$response.body#/id" } }
                    Missing: { operationId: readThing }
          /health:
            get:
              operationId: health
              security: []
              responses: { "200": { description: up } }
        """)
    #expect(audit.operationsWithoutRateLimit() == ["GET /things/{id}"])
    #expect(audit.createsWithoutLinks() == ["POST /things"])
    #expect(
      audit.brokenLinks().sorted() == [
        "GET /things/{id} 200 Missing: operationId readThing names no operation",
        "GET /things/{id} 200 Wrong: getThing takes no parameter query.name (it takes [\"path.id\"])",
      ])
    #expect(audit.pathOperationsWithoutLinks() == [])
    let unlinked = try OpenAPIDocumentAudit(
      yaml: """
        paths:
          /things/{id}:
            delete:
              operationId: deleteThing
              parameters: [{ name: id, in: path, required: true }]
              responses: { "200": { description: deleted } }
        """)
    #expect(unlinked.pathOperationsWithoutLinks() == ["DELETE /things/{id}"])
  }
}
