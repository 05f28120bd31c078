import Foundation
import Hummingbird
import PlatformRegistry
import Testing

@testable import HeHoLocalServer
@testable import LocalServerKit

@Suite("Authentication and organization isolation")
struct AuthAndIsolationTests {
  @Test(
    "every /api route refuses a missing or unknown key with 401",
    arguments: HeHoRoutes.all.filter(\.requiresAuthentication))
  func unauthorized(_ route: LocalRoute) async throws {
    try await withPlatform { api in
      for key: String? in [nil, "heho_local_wrong", "Basic abc"] {
        let response = try await api.call(route.httpMethod, route.path, "{}", key: .some(key))
        #expect(response.status == .unauthorized, "\(route) with key \(String(describing: key))")
        #expect(!response.error.isEmpty)
        #expect(!response.error.contains("heho_local_wrong"))
      }
    }
  }

  @Test("verify-user names the caller's organization")
  func verifyUser() async throws {
    try await withPlatform { api in
      let response = try await api.call(.post, "/api/verify-user")
      #expect(response.status == .ok)
      #expect(response.json["valid"] == .bool(true))
      #expect(response.json["organization"]?["name"] == .string("default"))
    }
  }

  @Test("an organization never sees or touches another's chatbots, tables or rows")
  func isolation() async throws {
    let platform = try await TestPlatform.make()
    let otherKey = try await platform.addOrganization("acme")
    try await platform.run { api in
      let other = api.with(key: otherKey)
      let verify = try await other.call(.post, "/api/verify-user")
      #expect(verify.json["organization"]?["name"] == .string("acme"))
      try await api.createTable(seedTableBody)
      let added = try await api.rows(
        #"{"action": "add", "tableName": "customers", "data": {"name": "Ada"}}"#)
      let rowID = try #require(added.json["data"]?["id"]?.stringValue)
      let bot = try await api.call(.post, "/api/v1/chatbots/manage", chatbotJSON(name: "bot"))
      let botID = try #require(bot.json["chatbot"]?["id"]?.stringValue)

      #expect(try await other.call(.get, "/api/v1/chatbots/manage").json["chatbots"] == .array([]))
      #expect(try await other.call(.get, "/api/v1/database/manage").json["tables"] == .array([]))
      let read = try await other.rows(#"{"action": "read", "tableName": "customers"}"#)
      #expect(read.status == .notFound)
      let edit = try await other.rows(
        #"{"action": "edit", "tableName": "customers", "id": "\#(rowID)", "data": {"name": "X"}}"#)
      #expect(edit.status == .notFound)
      let delete = try await other.call(.delete, "/api/v1/chatbots/manage?chatbotId=\(botID)")
      #expect(delete.status == .notFound)
      let chat = try await other.call(
        .post, "/api/aichat",
        #"{"chatbotId": "\#(botID)", "messages": [{"role": "user", "content": "hi"}]}"#)
      #expect(chat.status == .notFound)
      let dropTable = try await other.call(
        .delete, "/api/v1/database/tables", #"{"tableName": "customers"}"#)
      #expect(dropTable.status == .notFound)
      let connect = try await other.call(
        .post, "/api/v1/database/tables/connect", #"{"tableName": "customers"}"#)
      #expect(connect.status == .notFound)
      let bound = try await other.call(
        .post, "/api/v1/chatbots/manage",
        chatbotJSON(name: "bot", extra: #""data_table_1": "customers""#))
      #expect(bound.status == .badRequest)
      // The same names are free in the other organization.
      #expect(try await other.createTable(seedTableBody).status == .created)
      #expect(
        try await other.call(.post, "/api/v1/chatbots/manage", chatbotJSON(name: "bot")).status
          == .created)
      let mine = try await api.rows(#"{"action": "read", "tableName": "customers"}"#)
      #expect(mine.json["count"] == .integer(1))
    }
  }

  @Test("keys are stored hashed, never in plain text")
  func keysHashed() async throws {
    let platform = try await TestPlatform.make()
    defer { platform.cleanUp() }
    let stored = try await platform.services.store.pool.read { db in
      try String.fetchAll(db, sql: "SELECT key_hash FROM api_keys")
    }
    #expect(stored == [APIKey.hash(platform.key)])
    #expect(!stored.contains(platform.key))
  }
}
