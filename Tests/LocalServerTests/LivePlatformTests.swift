import Foundation
import PlatformRegistry
import Testing

@_spi(Testing) @testable import HeHoLocalServer
@_spi(Testing) @testable import LocalServerKit

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Sends one request with URLSession and returns status and JSON.
func send(
  _ platform: LocalPlatform, _ method: String, _ path: String, _ body: String? = nil,
  key: String? = nil, session: URLSession = sharedSession
) async throws -> (status: Int, json: JSONValue) {
  guard let url = URL(string: platform.baseURL + path) else { throw URLError(.badURL) }
  var request = URLRequest(url: url)
  request.httpMethod = method
  request.setValue("Bearer \(key ?? platform.apiKey)", forHTTPHeaderField: "Authorization")
  request.setValue("application/json", forHTTPHeaderField: "Content-Type")
  request.httpBody = body.map { Data($0.utf8) }
  let (data, response) = try await session.data(for: request)
  let status = (response as? HTTPURLResponse)?.statusCode ?? 0
  return (status, JSONValue.parse(String(decoding: data, as: UTF8.self)) ?? .null)
}

/// The session requests use unless a test gives its own (the generous timeout of
/// `freshSession`).
let sharedSession = freshSession()

/// A fresh session without connection reuse between tests. Its timeout is generous: the whole
/// suite starts at once on two cores (servers, child processes, reliability lanes), and a
/// request may wait its turn for half a minute there; a server that never answers still fails.
func freshSession() -> URLSession {
  let configuration = URLSessionConfiguration.ephemeral
  configuration.timeoutIntervalForRequest = 120
  return URLSession(configuration: configuration)
}

@Suite("Live local platform")
struct LivePlatformTests {
  @Test("start, serve, count requests, shut down")
  func startAndServe() async throws {
    let platform = try await LocalPlatform.start(.init())
    let session = freshSession()
    #expect(platform.port > 0)
    #expect(platform.baseURL == "http://127.0.0.1:\(platform.port)")
    #expect(platform.createdDefaultOrganization)
    let verify = try await send(platform, "POST", "/api/verify-user", session: session)
    #expect(verify.status == 200)
    let health = try await send(platform, "GET", "/_local/health", session: session)
    #expect(
      health.json
        == .object([
          "status": .string("ok"),
          "platforms": .array([.string("heho"), .string("bothero"), .string("heppu")]),
        ]))
    _ = try await send(platform, "GET", "/api/v1/chatbots/manage", session: session)
    _ = try await send(platform, "GET", "/api/v1/chatbots/manage", session: session)
    let metrics = await platform.metrics()
    #expect(metrics.total == 3)
    #expect(metrics.count("GET", "/api/v1/chatbots/manage") == 2)
    #expect(metrics.count("POST", "/api/verify-user") == 1)
    let served = try await send(platform, "GET", "/_local/metrics", session: session)
    #expect(served.json["routes"]?["GET /api/v1/chatbots/manage"] == .integer(2))
    await platform.resetMetrics()
    #expect(await platform.metrics().total == 0)
    let wrongMethod = try await send(platform, "PUT", "/api/v1/chatbots/manage", session: session)
    #expect(wrongMethod.status == 405)
    let noRoute = try await send(platform, "GET", "/api/nothing", session: session)
    #expect(noRoute.status == 404)
    #expect(noRoute.json["error"] != nil)
    try await platform.shutdown()
  }

  @Test("data survives a restart; a fresh key is issued for an existing default organization")
  func persistence() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-local-persist-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/nested/local.sqlite"
    let first = try await LocalPlatform.start(.init(databasePath: path, apiKey: "seeded-key"))
    #expect(first.apiKey == "seeded-key")
    #expect(first.createdDefaultOrganization)
    let session = freshSession()
    _ = try await send(first, "POST", "/api/v1/database/tables", seedTableBody, session: session)
    _ = try await send(
      first, "POST", "/api/v1/database/manage",
      #"{"action": "add", "tableName": "customers", "data": {"name": "Ada"}}"#, session: session)
    _ = try await send(
      first, "POST", "/api/v1/chatbots/manage", chatbotJSON(name: "bot"), session: session)
    let acmeKey = try await first.createOrganization(named: "acme")
    try await first.shutdown()

    let second = try await LocalPlatform.start(.init(databasePath: path))
    #expect(!second.createdDefaultOrganization)
    #expect(second.apiKey != "seeded-key")
    let rows = try await send(
      second, "POST", "/api/v1/database/manage", #"{"action": "read", "tableName": "customers"}"#,
      session: session)
    #expect(rows.json["count"] == .integer(1))
    let oldKey = try await send(
      second, "GET", "/api/v1/chatbots/manage", key: "seeded-key", session: session)
    #expect(oldKey.json["chatbots"]?.arrayValue.count == 1)
    let acme = try await send(second, "POST", "/api/verify-user", key: acmeKey, session: session)
    #expect(acme.json["organization"]?["name"] == .string("acme"))
    #expect(try await second.rowCount(table: "customers", organization: "default") == 1)
    try await second.shutdown()
  }

  @Test("a taken port and a key of another organization are start errors")
  func startErrors() async throws {
    let first = try await LocalPlatform.start(.init())
    await #expect(throws: LocalPlatformError.self) {
      let second = try await LocalPlatform.start(.init(port: first.port))
      try await second.shutdown()
    }
    try await first.shutdown()
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-local-keys-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/local.sqlite"
    let acmeKey = try await LocalPlatform.createAPIKey(organization: "acme", databasePath: path)
    await #expect(throws: LocalPlatformError.self) {
      let platform = try await LocalPlatform.start(.init(databasePath: path, apiKey: acmeKey))
      try await platform.shutdown()
    }
  }

  @Test("50 concurrent adds store 50 rows")
  func concurrentWriters() async throws {
    let platform = try await LocalPlatform.start(.init())
    let session = freshSession()
    _ = try await send(platform, "POST", "/api/v1/database/tables", seedTableBody, session: session)
    let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
      for index in 0..<50 {
        group.addTask {
          try await send(
            platform, "POST", "/api/v1/database/manage",
            #"{"action": "add", "tableName": "customers", "data": {"name": "n\#(index)"}}"#,
            session: session
          ).status
        }
      }
      return try await group.reduce(into: [Int]()) { $0.append($1) }
    }
    #expect(statuses.count == 50)
    #expect(statuses.allSatisfy { $0 == 201 })
    #expect(try await platform.rowCount(table: "customers", organization: "default") == 50)
    try await platform.shutdown()
  }

  @Test("a dropped connection is an error to a URLSession client")
  func droppedConnection() async throws {
    let platform = try await LocalPlatform.start(
      .init(faults: .init(rate: 1, kinds: [.dropConnection])))
    let session = freshSession()
    await #expect(throws: (any Error).self) {
      _ = try await send(platform, "GET", "/api/v1/chatbots/manage", session: session)
    }
    await platform.setFaults(.none)
    let after = try await send(platform, "GET", "/api/v1/chatbots/manage", session: freshSession())
    #expect(after.status == 200)
    try await platform.shutdown()
  }

  @Test("commit-then-fail with a dropped connection still commits")
  func commitThenDrop() async throws {
    let platform = try await LocalPlatform.start(.init())
    let session = freshSession()
    _ = try await send(platform, "POST", "/api/v1/database/tables", seedTableBody, session: session)
    // Find a seed whose first decision drops the connection after commit.
    var seed: UInt64 = 0
    while true {
      let injector = FaultInjector(.init(rate: 1, seed: seed, kinds: [.commitThenFail]))
      if injector.nextDecision().dropAfterCommit { break }
      seed += 1
    }
    await platform.setFaults(.init(rate: 1, seed: seed, kinds: [.commitThenFail]))
    await #expect(throws: (any Error).self) {
      _ = try await send(
        platform, "POST", "/api/v1/database/manage",
        #"{"action": "add", "tableName": "customers", "data": {"name": "Ada"}}"#,
        session: freshSession())
    }
    #expect(try await platform.rowCount(table: "customers", organization: "default") == 1)
    try await platform.shutdown()
  }

  @Test("execute(sql:organization:) makes tables that connect picks up; unknown org is an error")
  func executeAndConnect() async throws {
    let platform = try await LocalPlatform.start(.init())
    try await platform.execute(
      sql: "CREATE TABLE existing_table (id INTEGER PRIMARY KEY, label TEXT NOT NULL)",
      organization: "default")
    let connected = try await send(
      platform, "POST", "/api/v1/database/tables/connect", #"{"tableName": "existing_table"}"#,
      session: freshSession())
    #expect(connected.status == 200)
    await #expect(throws: LocalPlatformError.self) {
      try await platform.execute(sql: "SELECT 1", organization: "nobody")
    }
    await #expect(throws: LocalPlatformError.self) {
      try await platform.execute(sql: "CREATE TABLE (", organization: "default")
    }
    try await platform.shutdown()
  }
}
