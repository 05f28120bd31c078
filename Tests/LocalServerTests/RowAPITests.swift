import Hummingbird
import PlatformRegistry
import Testing

@testable import HeHoLocalServer
@testable import LocalServerKit

private let productsTable = """
  {"tableName": "products", "columns": [
    {"name": "id", "type": "uuid", "primaryKey": true},
    {"name": "name", "type": "text", "notNull": true},
    {"name": "price", "type": "numeric"},
    {"name": "stock", "type": "integer", "defaultValue": 0},
    {"name": "active", "type": "boolean"},
    {"name": "tags", "type": "jsonb"},
    {"name": "code", "type": "varchar(4)"}
  ]}
  """

/// Runs `test` on a fresh platform whose default organization has the `products` table.
private func withProducts(
  _ test: @escaping @Sendable (LocalAPICaller) async throws -> Void
) async throws {
  try await withPlatform { api in
    try await api.createTable(productsTable)
    try await test(api)
  }
}

/// How many rows `products` has, as `read` counts them.
private func productCount(_ api: LocalAPICaller) async throws -> Int64? {
  let read = try await api.rows(#"{"action": "read", "tableName": "products"}"#)
  guard case .integer(let count)? = read.json["count"] else { return nil }
  return count
}

@Suite("Rows API")
struct RowAPITests {
  @Test("the seed's add and read examples; types are honoured")
  func addAndRead() async throws {
    try await withProducts { api in
      let added = try await api.rows(
        #"{"action": "add", "tableName": "products", "data": { "name": "New Product", "price": 99.99 }}"#
      )
      #expect(added.status == .created)
      #expect(added.json["success"] == .bool(true))
      let row = try #require(added.json["data"])
      #expect(row["id"]?.stringValue?.count == 36)
      #expect(row["name"] == .string("New Product"))
      #expect(row["price"] == .number(99.99))
      #expect(row["stock"] == .integer(0))
      #expect(row["active"] == .null)
      let typed = try await api.rows(
        #"{"action": "add", "tableName": "products", "data": {"name": "B", "price": 5, "stock": 7, "active": true, "tags": {"a": [1, "x"]}, "code": "ab"}}"#
      )
      #expect(typed.json["data"]?["active"] == .bool(true))
      #expect(typed.json["data"]?["tags"] == .object(["a": .array([.integer(1), .string("x")])]))
      #expect(typed.json["data"]?["stock"] == .integer(7))
      let read = try await api.rows(#"{"action": "read", "tableName": "products"}"#)
      #expect(read.status == .ok)
      #expect(read.json["count"] == .integer(2))
      #expect(
        read.json["data"]?.arrayValue.compactMap { $0["name"]?.stringValue } == [
          "New Product", "B",
        ])
      let filtered = try await api.rows(
        #"{"action": "read", "tableName": "products", "query": {"active": true, "stock": 7}}"#)
      #expect(filtered.json["count"] == .integer(1))
      #expect(filtered.json["data"]?[0]?["name"] == .string("B"))
      let nulls = try await api.rows(
        #"{"action": "read", "tableName": "products", "query": {"active": null}}"#)
      #expect(nulls.json["count"] == .integer(1))
    }
  }

  @Test("edit and delete find rows by primary key; 404 when no row matches")
  func editAndDelete() async throws {
    try await withProducts { api in
      let added = try await api.rows(
        #"{"action": "add", "tableName": "products", "data": {"name": "A", "price": 1}}"#)
      let id = try #require(added.json["data"]?["id"]?.stringValue)
      let edited = try await api.rows(
        #"{"action": "edit", "tableName": "products", "id": "\#(id)", "data": {"price": 2.5, "active": false}}"#
      )
      #expect(edited.status == .ok)
      #expect(edited.json["data"]?["price"] == .number(2.5))
      #expect(edited.json["data"]?["active"] == .bool(false))
      #expect(edited.json["data"]?["name"] == .string("A"))
      let unknownID = "00000000-0000-4000-8000-000000000000"
      let missingEdit = try await api.rows(
        #"{"action": "edit", "tableName": "products", "id": "\#(unknownID)", "data": {"price": 1}}"#
      )
      #expect(missingEdit.status == .notFound)
      let deleted = try await api.rows(
        #"{"action": "delete", "tableName": "products", "id": "\#(id)"}"#)
      #expect(deleted.status == .ok)
      #expect(deleted.json == .object(["success": .bool(true), "id": .string(id)]))
      let again = try await api.rows(
        #"{"action": "delete", "tableName": "products", "id": "\#(id)"}"#)
      #expect(again.status == .notFound)
      #expect(try await productCount(api) == 0)
    }
  }

  @Test("bad row requests are 400 naming the field")
  func badRequests() async throws {
    try await withProducts { api in
      try await api.createTable(
        #"{"tableName": "nokey", "columns": [{"name": "a", "type": "int"}]}"#)
      let cases: [(String, String)] = [
        (#"{"tableName": "products"}"#, "action"),
        (#"{"action": "drop", "tableName": "products"}"#, "action"),
        (#"{"action": "read"}"#, "tableName"),
        (#"{"action": "add", "tableName": "products"}"#, "data"),
        (
          #"{"action": "add", "tableName": "products", "data": {"nope": 1, "name": "x"}}"#,
          "data.nope"
        ),
        (#"{"action": "add", "tableName": "products", "data": {"price": 1}}"#, "data.name"),
        (#"{"action": "add", "tableName": "products", "data": {"name": 5}}"#, "data.name"),
        (
          #"{"action": "add", "tableName": "products", "data": {"name": "x", "stock": 1.5}}"#,
          "data.stock"
        ),
        (
          #"{"action": "add", "tableName": "products", "data": {"name": "x", "stock": 3000000000}}"#,
          "data.stock"
        ),
        (
          #"{"action": "add", "tableName": "products", "data": {"name": "x", "active": 1}}"#,
          "data.active"
        ),
        (
          #"{"action": "add", "tableName": "products", "data": {"name": "x", "code": "abcde"}}"#,
          "data.code"
        ),
        (
          #"{"action": "add", "tableName": "products", "data": {"name": "x", "id": "not-a-uuid"}}"#,
          "data.id"
        ),
        (#"{"action": "read", "tableName": "products", "query": {"nope": 1}}"#, "query.nope"),
        (#"{"action": "edit", "tableName": "products", "data": {"name": "x"}}"#, "id"),
        (
          #"{"action": "edit", "tableName": "products", "id": "00000000-0000-4000-8000-000000000000"}"#,
          "data"
        ),
        (#"{"action": "delete", "tableName": "products"}"#, "id"),
        (#"{"action": "delete", "tableName": "nokey", "id": 1}"#, "tableName"),
        (#"{"action": "read", "tableName": "products", "query": [1]}"#, "query"),
      ]
      for (body, field) in cases {
        let response = try await api.rows(body)
        #expect(response.status == .badRequest, "\(body)")
        #expect(response.field == field, "\(body): \(response.error)")
      }
      let unknownTable = try await api.rows(#"{"action": "read", "tableName": "ghosts"}"#)
      #expect(unknownTable.status == .notFound)
      #expect(try await productCount(api) == 0)
    }
  }

  @Test("a duplicate primary key is a 409 and changes nothing")
  func duplicateKey() async throws {
    try await withProducts { api in
      let id = "11111111-1111-4111-8111-111111111111"
      let first = try await api.rows(
        #"{"action": "add", "tableName": "products", "data": {"id": "\#(id)", "name": "a"}}"#)
      #expect(first.json["data"]?["id"] == .string(id))
      let second = try await api.rows(
        #"{"action": "add", "tableName": "products", "data": {"id": "\#(id)", "name": "b"}}"#)
      #expect(second.status == .conflict)
      #expect(try await productCount(api) == 1)
    }
  }

  @Test("serial and integer keys are generated in order")
  func serialKeys() async throws {
    try await withPlatform { api in
      try await api.createTable(
        #"{"tableName": "events", "columns": [{"name": "id", "type": "serial", "primaryKey": true}, {"name": "seq", "type": "bigserial"}, {"name": "at", "type": "timestamptz", "defaultValue": "now()"}]}"#
      )
      for expected in 1...3 {
        let added = try await api.rows(
          #"{"action": "add", "tableName": "events", "data": {}}"#.replacingOccurrences(
            of: "{}", with: #"{"at": "2026-01-01T00:00:00Z"}"#))
        #expect(added.json["data"]?["id"] == .integer(Int64(expected)))
        #expect(added.json["data"]?["seq"] == .integer(Int64(expected)))
      }
      let edited = try await api.rows(
        #"{"action": "edit", "tableName": "events", "id": 2, "data": {"at": "2027-01-01T00:00:00Z"}}"#
      )
      #expect(edited.json["data"]?["at"] == .string("2027-01-01T00:00:00Z"))
    }
  }

  @Test(
    "injection through names, keys and values is refused or stored literally",
    arguments: [
      "x; DROP TABLE products", "'; DELETE FROM products; --", "\\\" OR 1=1 --", "products\\\"",
      "Robert'); DROP TABLE products;--",
    ])
  func injection(_ attack: String) async throws {
    try await withProducts { api in
      let stored = try await api.rows(
        #"{"action": "add", "tableName": "products", "data": {"name": "\#(attack)"}}"#)
      #expect(stored.status == .created)
      let attackText = try #require(stored.json["data"]?["name"]?.stringValue)
      let byValue = try await api.rows(
        #"{"action": "read", "tableName": "products", "query": {"name": "\#(attack)"}}"#)
      #expect(byValue.json["count"] == .integer(1))
      #expect(byValue.json["data"]?[0]?["name"] == .string(attackText))
      let throughTable = try await api.rows(
        #"{"action": "read", "tableName": "\#(attack)"}"#)
      #expect(throughTable.status == .badRequest)
      #expect(throughTable.field == "tableName")
      let throughQueryKey = try await api.rows(
        #"{"action": "read", "tableName": "products", "query": {"\#(attack)": 1}}"#)
      #expect(throughQueryKey.status == .badRequest)
      let throughDataKey = try await api.rows(
        #"{"action": "add", "tableName": "products", "data": {"name": "a", "\#(attack)": 1}}"#)
      #expect(throughDataKey.status == .badRequest)
      let throughID = try await api.rows(
        #"{"action": "delete", "tableName": "products", "id": "\#(attack)"}"#)
      #expect(throughID.status == .badRequest)
      let throughCreate = try await api.call(
        .post, "/api/v1/database/tables",
        #"{"tableName": "\#(attack)", "columns": [{"name": "a", "type": "text"}]}"#)
      #expect(throughCreate.status == .badRequest)
      let throughType = try await api.call(
        .post, "/api/v1/database/tables",
        #"{"tableName": "t2", "columns": [{"name": "a", "type": "text); DROP TABLE products; --"}]}"#
      )
      #expect(throughType.status == .badRequest)
      #expect(try await productCount(api) == 1)
      #expect(
        try await api.call(.get, "/api/v1/database/manage").json["tables"]?.arrayValue.count == 1)
    }
  }
}
