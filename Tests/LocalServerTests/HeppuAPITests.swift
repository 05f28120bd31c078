import Foundation
import HehoTestSupport
import HeppuProvider
import PlatformRegistry
import Testing

@testable import HeppuLocalServer
@testable import LocalServerKit

/// The local Heppu agents API against a running server: the seed's agent object and error
/// shape, both auth headers, filtering, pages, soft delete and phone numbers.
@Suite("Heppu API")
struct HeppuAPITests {
  struct Server: Sendable {
    let platform: LocalPlatform

    static func start(_ configuration: LocalPlatformConfiguration = .init()) async throws
      -> Server
    {
      Server(
        platform: try await LocalPlatform.start(configuration, modules: [HeppuLocalModule()]))
    }

    /// Calls with `Authorization: Bearer KEY`, or with `x-api-key: KEY` when `header` is set.
    func call(
      _ method: String, _ path: String, _ body: String? = nil, header: Bool = false,
      key: String? = nil
    ) async throws -> (status: Int, json: JSONValue) {
      let key = key ?? platform.apiKey
      let answer = try await WireCall.json(
        method,
        LocalEndpoints(.standard, baseURL: platform.baseURL).endpoint(HeppuDescriptor()) + path,
        body, headers: header ? ["x-api-key": key] : ["Authorization": "Bearer \(key)"])
      return (answer.status, answer.json)
    }

    func stop() async throws { try await platform.shutdown() }

    /// Creates an agent from `body`; its object.
    func create(_ body: String) async throws -> [String: JSONValue] {
      let answer = try await call("POST", "/agents", body)
      #expect(answer.status == 201, "\(answer.json)")
      return try HeppuAPITests.data(answer.json)
    }
  }

  /// The `data` object of an answer.
  static func data(_ json: JSONValue) throws -> [String: JSONValue] {
    guard case .object(let envelope) = json, case .object(let data)? = envelope["data"] else {
      throw Failure(description: "no data object in \(json)")
    }
    return data
  }

  /// The `id` of an agent object.
  static func id(_ agent: [String: JSONValue]) throws -> String {
    guard case .string(let id)? = agent["id"] else {
      throw Failure(description: "no id in \(agent)")
    }
    return id
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static let voice = """
    {"name": "Phone support", "type": "voice", "instructions": "You answer the phone.",
     "tools": ["web_search"], "phoneNumbers": ["+15550100"]}
    """

  @Test func theAgentObjectIsTheSeedsWithBothAuthHeaders() async throws {
    let server = try await Server.start()
    let created = try await server.call("POST", "/agents", Self.voice)
    #expect(created.status == 201, "\(created.json)")
    let agent = try Self.data(created.json)
    let envelope = try #require(created.json.objectValue, "\(created.json)")
    #expect(envelope["success"] == .bool(true))
    #expect(
      Set(agent.keys) == [
        "id", "name", "type", "status", "model", "instructions", "config", "tools",
        "phoneNumbers", "createdAt", "updatedAt",
      ])
    #expect(agent["status"] == .string("active"))
    #expect(agent["model"] == .string("gpt-realtime-2025-08-28"))
    // JSON numbers: the seed's `1.0` may be written `1`.
    let config = try #require(agent["config"]?.objectValue, "\(agent)")
    #expect(Set(config.keys) == ["voice", "speed", "interruptionThreshold"])
    #expect(config["voice"] == .string("sage"))
    #expect([.integer(1), .number(1.0)].contains(config["speed"]))
    #expect(config["interruptionThreshold"] == .number(0.5))
    #expect(
      agent["tools"]
        == .array([
          .object([
            "id": .string("web_search"), "name": .string("Web Search"),
            "description": .string("Search the web for information"),
          ])
        ]))
    #expect(agent["phoneNumbers"] == .array([.string("+15550100")]))
    let id = try Self.id(agent)
    let createdAt = try #require(agent["createdAt"]?.stringValue, "no createdAt in \(agent)")
    #expect(UUID(uuidString: id) != nil && id == id.lowercased())
    #expect(createdAt.hasSuffix("Z") && createdAt.count == 20, "\(createdAt)")
    let byHeader = try await server.call("GET", "/agents/\(id)", header: true)
    #expect(byHeader.status == 200)
    let chatAgent = try await server.create(#"{"name": "Web", "type": "chat"}"#)
    #expect(chatAgent["model"] == .string("gpt-4o"))
    #expect(chatAgent["phoneNumbers"] == .array([]))
    try await server.stop()
  }

  @Test func errorsHaveTheSeedsShape() async throws {
    let server = try await Server.start()
    let missing = try await server.call("GET", "/agents/00000000-0000-0000-0000-000000000000")
    #expect(missing.status == 404)
    #expect(
      missing.json
        == .object([
          "success": .bool(false),
          "error": .object(["message": .string("Agent not found"), "code": .integer(404)]),
        ]))
    let unauthorized = try await server.call("GET", "/agents", header: true, key: "wrong")
    #expect(unauthorized.status == 401)
    let body = try #require(unauthorized.json.objectValue, "\(unauthorized.json)")
    let error = try #require(body["error"]?.objectValue, "\(unauthorized.json)")
    #expect(body["success"] == JSONValue.bool(false))
    #expect(error["code"] == JSONValue.integer(401))
    try await server.stop()
  }

  @Test(arguments: [
    (#"{"name": "x", "type": "robot"}"#, "type"),
    (#"{"name": "x", "type": "chat", "config": {"voice": "sage"}}"#, "config.voice"),
    (#"{"name": "x", "type": "voice", "config": {"speed": 9}}"#, "config.speed"),
    (#"{"name": "x", "type": "chat", "config": {"primaryColor": "blue"}}"#, "config.primaryColor"),
    (#"{"name": "x", "type": "chat", "phoneNumbers": ["+15550100"]}"#, "phoneNumbers"),
    (#"{"name": "x", "type": "voice", "phoneNumbers": ["555-0100"]}"#, "phoneNumbers"),
    (#"{"name": "x", "type": "chat", "tools": ["transfer_call"]}"#, "tools"),
    (#"{"name": "x", "type": "chat", "status": "asleep"}"#, "status"),
    (#"{"name": "x", "type": "chat", "colour": "red"}"#, "colour"),
  ])
  func invalidAgentsAreRefusedNamingTheField(body: String, field: String) async throws {
    let server = try await Server.start()
    let answer = try await server.call("POST", "/agents", body)
    #expect(answer.status == 400, "\(answer.json)")
    let error = try #require(answer.json.objectValue?["error"]?.objectValue, "\(answer.json)")
    #expect(error["field"] == .string(field), "\(answer.json)")
    try await server.stop()
  }

  @Test func listFiltersPagesAndSoftDeletes() async throws {
    let server = try await Server.start()
    var ids: [String] = []
    for index in 0..<5 {
      let type = index < 3 ? "chat" : "voice"
      let agent = try await server.create(#"{"name": "agent \#(index)", "type": "\#(type)"}"#)
      ids.append(try Self.id(agent))
    }
    func names(_ query: String) async throws -> (names: [String], total: JSONValue?) {
      let answer = try await server.call("GET", "/agents" + query)
      let envelope = try #require(answer.json.objectValue, "\(answer.json)")
      let agents = try #require(envelope["data"]?.items, "\(answer.json)")
      let page = try #require(envelope["pagination"]?.objectValue, "\(answer.json)")
      let names = try agents.map { agent in
        try #require(agent.objectValue?["name"]?.stringValue, "an agent without a name: \(agent)")
      }
      return (names, page["total"])
    }
    #expect(try await names("?type=voice").names == ["agent 3", "agent 4"])
    #expect(try await names("?search=AGENT%201").names == ["agent 1"])
    let page = try await names("?limit=2&page=2")
    #expect(page.names == ["agent 2", "agent 3"] && page.total == .integer(5))
    #expect(try await server.call("GET", "/agents?limit=0").status == 400)
    let deleted = try await server.call("DELETE", "/agents/\(ids[0])")
    #expect(deleted.status == 200)
    #expect(try await server.call("GET", "/agents/\(ids[0])").status == 404)
    #expect(try await server.call("DELETE", "/agents/\(ids[0])").status == 404)
    #expect(try await names("").names.count == 4)
    try await server.stop()
  }

  @Test func phoneNumbersAreUniqueAndReleasedBySoftDelete() async throws {
    let server = try await Server.start()
    let id = try Self.id(try await server.create(Self.voice))
    let second = try await server.call(
      "POST", "/agents", #"{"name": "Other", "type": "voice", "phoneNumbers": ["+15550100"]}"#)
    #expect(second.status == 409, "\(second.json)")
    let typeChange = try await server.call("PATCH", "/agents/\(id)", #"{"type": "chat"}"#)
    #expect(typeChange.status == 400)
    #expect(try await server.call("DELETE", "/agents/\(id)").status == 200)
    let third = try await server.call(
      "POST", "/agents", #"{"name": "Other", "type": "voice", "phoneNumbers": ["+15550100"]}"#)
    #expect(third.status == 201, "\(third.json)")
    try await server.stop()
  }

  @Test func embedCodeAndTestChatAreLocalExtras() async throws {
    let server = try await Server.start()
    let id = try Self.id(
      try await server.create(
        #"{"name": "Web", "type": "chat", "instructions": "Shipping takes three days.\n\nReturns are free within 30 days."}"#
      ))
    let embed = try await server.call("GET", "/agents/\(id)/embed")
    #expect(embed.status == 200)
    #expect("\(embed.json)".contains("data-agent-id"))
    let reply = try await server.call(
      "POST", "/agents/\(id)/test", #"{"message": "Are returns free?"}"#)
    #expect("\(reply.json)".contains("Returns are free within 30 days."), "\(reply.json)")
    let voiceID = try Self.id(try await server.create(Self.voice))
    #expect(try await server.call("GET", "/agents/\(voiceID)/embed").status == 400)
    try await server.stop()
  }

  @Test func uniqueNamesRefuseARepeatedLiveName() async throws {
    let server = try await Server.start(LocalPlatformConfiguration(uniqueNames: true))
    let first = try Self.id(try await server.create(#"{"name": "Web", "type": "chat"}"#))
    let again = try await server.call("POST", "/agents", #"{"name": "Web", "type": "chat"}"#)
    #expect(again.status == 409, "\(again.json)")
    // A soft-deleted agent's name is free again.
    #expect(try await server.call("DELETE", "/agents/\(first)").status == 200)
    _ = try await server.create(#"{"name": "Web", "type": "chat"}"#)
    try await server.stop()
  }
}

/// An answer's array, `nil` for any other JSON type (`arrayValue` gives `[]` instead), so that
/// `try #require(json.items)` fails when the shape is wrong.
extension JSONValue {
  fileprivate var items: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }
}
