import Foundation
import Testing

@testable import HeHoLocalServer
@_spi(Testing) @testable import LocalServerKit

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Several platforms from one process, one port and one database: shared keys, auth, faults and
/// metrics, each platform's own paths, key header and error shape.
@Suite("Platforms served side by side")
struct LocalModuleSeamTests {
  /// One session for the suite's requests (each session holds its own connections and threads).
  static let session = freshSession()

  static func start(_ configuration: LocalPlatformConfiguration = .init()) async throws
    -> LocalPlatform
  {
    try await LocalPlatform.start(configuration, modules: [HeHoLocalModule(), ToyLocalModule()])
  }

  static func send(
    _ platform: LocalPlatform, _ method: String, _ path: String, _ body: String? = nil,
    headers: [String: String]
  ) async throws -> (status: Int, json: JSONValue) {
    let url = try #require(URL(string: platform.baseURL + path))
    var request = URLRequest(url: url)
    request.httpMethod = method
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = body.map { Data($0.utf8) }
    let (data, response) = try await Self.session.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    return (status, JSONValue.parse(String(decoding: data, as: UTF8.self)) ?? .null)
  }

  @Test("one key serves every platform, each at its own paths, with its own header")
  func oneKeyEveryPlatform() async throws {
    let platform = try await Self.start()
    defer { Task { try? await platform.shutdown() } }
    let bearer = ["Authorization": "Bearer \(platform.apiKey)"]
    let created = try await Self.send(
      platform, "POST", "/api/v1/toys", #"{"name": "duck"}"#,
      headers: ["x-api-key": platform.apiKey])
    #expect(created.status == 201)
    let toys = try await Self.send(platform, "GET", "/api/v1/toys", headers: bearer)
    #expect(toys.json == .object(["toys": .array([.string("duck")])]))
    let chatbots = try await Self.send(platform, "GET", "/api/v1/chatbots/manage", headers: bearer)
    #expect(chatbots.status == 200)
    // HeHo takes no key header: only the platform that documents one does.
    let header = try await Self.send(
      platform, "GET", "/api/v1/chatbots/manage", headers: ["x-api-key": platform.apiKey])
    #expect(header.status == 401)

    let health = try await Self.send(platform, "GET", "/_local/health", headers: [:])
    #expect(health.json["platforms"] == .array([.string("heho"), .string("toy")]))
    let metrics = await platform.metrics()
    #expect(metrics.platforms == ["heho": 2, "toy": 2])
    try await platform.shutdown()
  }

  @Test("errors take the shape of the platform whose path was asked for")
  func errorShapes() async throws {
    let platform = try await Self.start()
    defer { Task { try? await platform.shutdown() } }
    let bearer = ["Authorization": "Bearer \(platform.apiKey)"]
    let toy = try await Self.send(platform, "GET", "/api/v1/toys/7", headers: bearer)
    #expect(toy.status == 404)
    #expect(toy.json["success"] == .bool(false))
    #expect(toy.json["error"]?["message"] == .string("no toy 7"))
    let wrongMethod = try await Self.send(platform, "DELETE", "/api/v1/toys/7", headers: bearer)
    #expect(wrongMethod.status == 405)
    #expect(wrongMethod.json["error"]?["code"] == .integer(405))
    let noKey = try await Self.send(platform, "GET", "/api/v1/toys", headers: [:])
    #expect(noKey.status == 401)
    #expect(noKey.json["error"]?["message"]?.stringValue?.contains("x-api-key: TOY_KEY") == true)
    let heho = try await Self.send(platform, "GET", "/api/nothing", headers: bearer)
    #expect(heho.status == 404)
    #expect(heho.json["error"]?.stringValue?.hasPrefix("no route") == true)
    try await platform.shutdown()
  }

  @Test("a key limited to one platform is unknown on the others")
  func scopedKeys() async throws {
    let platform = try await Self.start()
    defer { Task { try? await platform.shutdown() } }
    let toyOnly = try await platform.createOrganization(named: "acme", platforms: ["toy"])
    let bearer = ["Authorization": "Bearer \(toyOnly)"]
    #expect(try await Self.send(platform, "GET", "/api/v1/toys", headers: bearer).status == 200)
    let heho = try await Self.send(platform, "POST", "/api/verify-user", headers: bearer)
    #expect(heho.status == 401)
    let everywhere = try await platform.createOrganization(named: "acme")
    let again = ["Authorization": "Bearer \(everywhere)"]
    #expect(try await Self.send(platform, "POST", "/api/verify-user", headers: again).status == 200)
    try await platform.shutdown()
  }

  @Test("faults hit every platform, and are counted per route")
  func faultsEverywhere() async throws {
    let platform = try await Self.start(
      .init(faults: .init(rate: 1, seed: 3, kinds: [.unavailable])))
    defer { Task { try? await platform.shutdown() } }
    let bearer = ["Authorization": "Bearer \(platform.apiKey)"]
    let toy = try await Self.send(platform, "GET", "/api/v1/toys", headers: bearer)
    #expect(toy.status == 503)
    #expect(toy.json["success"] == .bool(false))
    let heho = try await Self.send(platform, "GET", "/api/v1/chatbots/manage", headers: bearer)
    #expect(heho.status == 503)
    let metrics = await platform.metrics()
    #expect(metrics.faults(.unavailable, route: "GET /api/v1/toys") == 1)
    #expect(metrics.faults(.unavailable, route: "GET /api/v1/chatbots/manage") == 1)
    try await platform.shutdown()
  }
}
