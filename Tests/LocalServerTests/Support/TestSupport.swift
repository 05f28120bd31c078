import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlatformRegistry
import Testing

@testable import HeHoLocalServer
@testable import LocalServerKit

/// The seed's chatbot example, whose description is 196 characters long.
let seedChatbotBody = """
  {
  "name": "My AI Assistant",
  "goal": "Customer Support",
  "description": "This is a very long description that must be at least 200 characters long to satisfy the validation requirements of the HeHo platform and ensure the AI has enough context to operate effectively...",
  "model": "qwen/qwen3-next-80b-a3b-instruct:free"
  }
  """

/// A description long enough to pass validation.
let validDescription = String(repeating: "A helpful assistant for customer support. ", count: 6)

/// A JSON object literal for a valid chatbot with extra fields.
func chatbotJSON(name: String, extra: String = "") -> String {
  """
  {"name": "\(name)", "goal": "Customer Support", "description": "\(validDescription)",
   "model": "qwen/qwen3-next-80b-a3b-instruct:free"\(extra.isEmpty ? "" : ", " + extra)}
  """
}

/// The seed's table example.
let seedTableBody = """
  {
  "tableName": "customers",
  "columns": [
  { "name": "id", "type": "uuid", "primaryKey": true },
  { "name": "name", "type": "text", "notNull": true },
  { "name": "email", "type": "text" }
  ]
  }
  """

/// A response: status, headers and parsed JSON body.
struct APIResponse: Sendable {
  var status: HTTPResponse.Status
  var headers: HTTPFields
  var json: JSONValue

  /// The `error` message of an error body ("" when absent).
  var error: String { json["error"]?.stringValue ?? "" }
  /// The `field` of an error body.
  var field: String? { json["field"]?.stringValue }
}

/// A client bound to a key, over HummingbirdTesting.
struct LocalAPICaller: Sendable {
  let client: any TestClientProtocol
  let key: String?

  /// Sends a request with the bound key (or `key` when given; `.some(nil)` sends none), and
  /// `extra` headers.
  func call(
    _ method: HTTPRequest.Method, _ path: String, _ body: String? = nil, key: String?? = nil,
    headers extra: HTTPFields = [:]
  ) async throws -> APIResponse {
    var headers: HTTPFields = [.contentType: "application/json"]
    headers.append(contentsOf: extra)
    if let used = key ?? self.key { headers[.authorization] = "Bearer \(used)" }
    let response = try await client.execute(
      uri: path, method: method, headers: headers,
      body: body.map { ByteBuffer(string: $0) })
    let data = Data(buffer: response.body)
    let json =
      data.isEmpty
      ? JSONValue.null : (JSONValue.parse(String(decoding: data, as: UTF8.self)) ?? .null)
    return APIResponse(status: response.status, headers: response.headers, json: json)
  }

  /// The same client with another key.
  func with(key: String?) -> LocalAPICaller { LocalAPICaller(client: client, key: key) }

  /// Creates a table and expects 201.
  @discardableResult
  func createTable(_ body: String) async throws -> APIResponse {
    let response = try await call(.post, "/api/v1/database/tables", body)
    #expect(response.status == .created, "\(response.error)")
    return response
  }

  /// Runs a row action.
  func rows(_ body: String) async throws -> APIResponse {
    try await call(.post, "/api/v1/database/manage", body)
  }
}

/// A platform on a fresh temporary database, for router-level tests.
struct TestPlatform: Sendable {
  /// The shared services.
  let services: LocalSharedServices
  /// Every standard platform, open on `services`.
  let platforms: [RunningPlatform]
  let directory: String
  let key: String

  /// HeHo's open part.
  var heho: HeHoLocalPart {
    get throws { try #require(platforms.lazy.compactMap { $0.part as? HeHoLocalPart }.first) }
  }

  /// Opens a fresh platform with an organization `default` and its key.
  static func make(
    faults: FaultConfiguration = .none, uniqueNames: Bool = false
  ) async throws -> TestPlatform {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-local-test-\(UUID().uuidString)").path
    let modules = LocalPlatform.standardModules
    let services = try LocalSharedServices(
      path: directory + "/local.sqlite", modules: modules,
      configuration: LocalPlatformConfiguration(faults: faults, uniqueNames: uniqueNames))
    let platforms = try RunningPlatform.open(modules, on: services)
    let key = try await LocalPlatform.addKey(toOrganization: "default", services: services)
    return TestPlatform(
      services: services, platforms: platforms, directory: directory, key: key)
  }

  /// Runs `sql` in the organization `default`'s own database (tables to connect).
  func executeInDefaultOrganization(_ sql: String) async throws {
    let organization = try await services.organization(named: "default")
    try await heho.tables.execute(sql: sql, organization: organization)
  }

  /// Adds an organization and returns its key.
  func addOrganization(_ name: String) async throws -> String {
    try await LocalPlatform.addKey(toOrganization: name, services: services)
  }

  /// Runs `test` against the router, then removes the database.
  func run(_ test: @escaping @Sendable (LocalAPICaller) async throws -> Void) async throws {
    let app = LocalApplication.buildApplication(
      services, serving: platforms, host: "127.0.0.1", port: 0)
    do {
      try await app.test(.router) { client in
        try await test(LocalAPICaller(client: client, key: key))
      }
    } catch {
      cleanUp()
      throw error
    }
    cleanUp()
  }

  /// Closes and removes the database.
  func cleanUp() {
    for platform in platforms { try? platform.part.close() }
    try? services.close()
    try? FileManager.default.removeItem(atPath: directory)
  }
}

/// Runs `test` against a fresh platform through the router.
func withPlatform(
  faults: FaultConfiguration = .none,
  _ test: @escaping @Sendable (LocalAPICaller) async throws -> Void
) async throws {
  try await TestPlatform.make(faults: faults).run(test)
}

extension JSONValue {
  subscript(key: String) -> JSONValue? {
    guard case .object(let fields) = self else { return nil }
    return fields[key]
  }

  subscript(index: Int) -> JSONValue? {
    guard case .array(let items) = self, items.indices.contains(index) else { return nil }
    return items[index]
  }

  var stringValue: String? {
    guard case .string(let text) = self else { return nil }
    return text
  }

  var objectValue: [String: JSONValue]? {
    guard case .object(let fields) = self else { return nil }
    return fields
  }

  var intValue: Int? {
    guard case .integer(let number) = self else { return nil }
    return Int(number)
  }

  var arrayValue: [JSONValue] {
    guard case .array(let items) = self else { return [] }
    return items
  }
}
