import Hummingbird
import PlatformRegistry
import Testing

@testable import HeHoLocalServer
@testable import LocalServerKit

@Suite("Tables API")
struct TableAPITests {
  @Test("the seed's table example is created and listed in the seed's shape")
  func createAndList() async throws {
    try await withPlatform { api in
      let created = try await api.createTable(seedTableBody)
      #expect(created.json["success"] == .bool(true))
      let expected: JSONValue = .object([
        "table_name": .string("customers"),
        "columns": .array([
          .object([
            "column_name": .string("id"), "data_type": .string("uuid"), "required": .bool(true),
          ]),
          .object([
            "column_name": .string("name"), "data_type": .string("text"),
            "required": .bool(true),
          ]),
          .object([
            "column_name": .string("email"), "data_type": .string("text"),
            "required": .bool(false),
          ]),
        ]),
      ])
      #expect(created.json["table"] == expected)
      let list = try await api.call(.get, "/api/v1/database/manage")
      #expect(list.status == .ok)
      #expect(list.json == .object(["tables": .array([expected])]))
    }
  }

  @Test(
    "declared types are reported the way information_schema spells them",
    arguments: [
      ("uuid", "uuid"), ("text", "text"), ("varchar", "character varying"),
      ("varchar(40)", "character varying"), ("character varying(8)", "character varying"),
      ("char(2)", "character"), ("integer", "integer"), ("int", "integer"), ("INT4", "integer"),
      ("bigint", "bigint"), ("int8", "bigint"), ("smallint", "smallint"), ("int2", "smallint"),
      ("numeric", "numeric"), ("decimal(10, 2)", "numeric"), ("numeric(5)", "numeric"),
      ("real", "real"), ("double precision", "double precision"), ("boolean", "boolean"),
      ("bool", "boolean"), ("date", "date"), ("timestamp", "timestamp without time zone"),
      ("timestamptz", "timestamp with time zone"),
      ("timestamp with time zone", "timestamp with time zone"),
      ("time", "time without time zone"), ("json", "json"), ("jsonb", "jsonb"),
      ("serial", "integer"), ("bigserial", "bigint"),
    ])
  func typeSpelling(_ declared: String, _ dataType: String) async throws {
    #expect(ColumnType.parse(declared)?.dataType == dataType)
  }

  @Test(
    "unknown types are refused", arguments: ["txt", "varchar(0)", "int(4)", "numeric(1,2,3)", ""])
  func unknownTypes(_ declared: String) async throws {
    #expect(ColumnType.parse(declared) == nil)
  }

  @Test(
    "table and column names: letters, digits, underscores, 1 to 63 characters",
    arguments: [
      "", "my-table", "x; DROP TABLE customers", "na\"me", "tab le", "ünïcode",
      String(repeating: "a", count: 64), "sqlite_master", "_heho_tables",
    ])
  func invalidNames(_ name: String) async throws {
    try await withPlatform { api in
      let escaped = name.replacingOccurrences(of: "\"", with: "\\\"")
      let table = try await api.call(
        .post, "/api/v1/database/tables",
        #"{"tableName": "\#(escaped)", "columns": [{"name": "id", "type": "uuid"}]}"#)
      #expect(table.status == .badRequest)
      #expect(table.field == "tableName")
      let column = try await api.call(
        .post, "/api/v1/database/tables",
        #"{"tableName": "t", "columns": [{"name": "\#(escaped)", "type": "uuid"}]}"#)
      #expect(column.status == .badRequest)
      #expect(column.field == "columns[0].name")
      let list = try await api.call(.get, "/api/v1/database/manage")
      #expect(list.json["tables"] == .array([]))
    }
  }

  @Test("a 63-character name is accepted")
  func longestName() async throws {
    try await withPlatform { api in
      let name = String(repeating: "a", count: 63)
      try await api.createTable(
        #"{"tableName": "\#(name)", "columns": [{"name": "id", "type": "int"}]}"#)
    }
  }

  @Test("bad column definitions are 400 naming the column")
  func badColumns() async throws {
    try await withPlatform { api in
      let cases: [(String, String)] = [
        (#"{"tableName": "t"}"#, "columns"),
        (#"{"tableName": "t", "columns": []}"#, "columns"),
        (#"{"columns": [{"name": "a", "type": "text"}]}"#, "tableName"),
        (#"{"tableName": "t", "columns": [{"name": "a", "type": "txt"}]}"#, "columns[0].type"),
        (#"{"tableName": "t", "columns": [{"name": "a"}]}"#, "columns[0].type"),
        (#"{"tableName": "t", "columns": [{"type": "text"}]}"#, "columns[0].name"),
        (
          #"{"tableName": "t", "columns": [{"name": "a", "type": "text"}, {"name": "A", "type": "int"}]}"#,
          "columns[1].name"
        ),
        (
          #"{"tableName": "t", "columns": [{"name": "a", "type": "int", "primaryKey": true}, {"name": "b", "type": "int", "primaryKey": true}]}"#,
          "columns"
        ),
        (
          #"{"tableName": "t", "columns": [{"name": "a", "type": "int", "defaultValue": "x"}]}"#,
          "columns[0].defaultValue"
        ),
        (#"{"tableName": "t", "columns": [{"name": "a", "type": 5}]}"#, "columns[0].type"),
        (#"{"tableName": 7, "columns": []}"#, "tableName"),
      ]
      for (body, field) in cases {
        let response = try await api.call(.post, "/api/v1/database/tables", body)
        #expect(response.status == .badRequest, "\(body)")
        #expect(response.field == field, "\(body): \(response.error)")
      }
      let unknown = try await api.call(
        .post, "/api/v1/database/tables",
        #"{"tableName": "t", "columns": [{"name": "a", "type": "txt"}]}"#)
      #expect(unknown.error.contains("unknown type 'txt'"))
      #expect(unknown.error.contains("text"))
    }
  }

  @Test("an existing table is a 409; delete drops it; deleting again is a 404")
  func conflictAndDelete() async throws {
    try await withPlatform { api in
      try await api.createTable(seedTableBody)
      let again = try await api.call(.post, "/api/v1/database/tables", seedTableBody)
      #expect(again.status == .conflict)
      let deleted = try await api.call(
        .delete, "/api/v1/database/tables", #"{"tableName": "customers"}"#)
      #expect(deleted.status == .ok)
      #expect(deleted.json == .object(["success": .bool(true), "tableName": .string("customers")]))
      let gone = try await api.call(
        .delete, "/api/v1/database/tables", #"{"tableName": "customers"}"#)
      #expect(gone.status == .notFound)
      #expect(gone.field == "tableName")
      let missing = try await api.call(.delete, "/api/v1/database/tables", "{}")
      #expect(missing.status == .badRequest)
      // Dropped for real: the name is free again.
      try await api.createTable(seedTableBody)
    }
  }

  @Test("connect registers a table made in the organization's database, with mapped types")
  func connect() async throws {
    let platform = try await TestPlatform.make()
    try await platform.run { api in
      try await platform.executeInDefaultOrganization(
        """
        CREATE TABLE legacy_orders (id INTEGER PRIMARY KEY, code VARCHAR(12) NOT NULL,
          total NUMERIC, paid BOOLEAN, placed DATETIME, note, weight REAL, big BIGINT);
        INSERT INTO legacy_orders (code, total, paid) VALUES ('A1', 12.5, 1);
        """)
      let notYet = try await api.rows(#"{"action": "read", "tableName": "legacy_orders"}"#)
      #expect(notYet.status == .notFound)
      let connected = try await api.call(
        .post, "/api/v1/database/tables/connect", #"{"tableName": "existing_table"}"#)
      #expect(connected.status == .notFound)
      let response = try await api.call(
        .post, "/api/v1/database/tables/connect", #"{"tableName": "legacy_orders"}"#)
      #expect(response.status == .ok)
      let columns = response.json["table"]?["columns"]?.arrayValue ?? []
      #expect(
        columns.compactMap { $0["data_type"]?.stringValue } == [
          "integer", "character varying", "numeric", "boolean", "timestamp without time zone",
          "bytea", "real", "bigint",
        ])
      #expect(
        columns.compactMap { $0["required"] } == [.bool(true), .bool(true)]
          + Array(repeating: .bool(false), count: 6))
      let twice = try await api.call(
        .post, "/api/v1/database/tables/connect", #"{"tableName": "legacy_orders"}"#)
      #expect(twice.status == .conflict)
      let read = try await api.rows(#"{"action": "read", "tableName": "legacy_orders"}"#)
      #expect(read.json["data"]?[0]?["paid"] == .bool(true))
      #expect(read.json["data"]?[0]?["total"] == .number(12.5))
      let added = try await api.rows(
        #"{"action": "add", "tableName": "legacy_orders", "data": {"code": "B2"}}"#)
      #expect(added.json["data"]?["id"] == .integer(2))
      // A connected table is disconnected by delete; its rows stay.
      let deleted = try await api.call(
        .delete, "/api/v1/database/tables", #"{"tableName": "legacy_orders"}"#)
      #expect(deleted.status == .ok)
      let organization = try await platform.services.organization(named: "default")
      #expect(
        try await platform.heho.tables.rowCount(
          table: "legacy_orders", organization: organization) == 2)
      let creating = try await api.call(
        .post, "/api/v1/database/tables",
        #"{"tableName": "legacy_orders", "columns": [{"name": "id", "type": "int"}]}"#)
      #expect(creating.status == .conflict)
      #expect(creating.error.contains("connect"))
    }
  }

  @Test("connect finds a database table whatever its case, and never a view or a catalog table")
  func connectMatchesTablesOnly() async throws {
    let platform = try await TestPlatform.make()
    try await platform.run { api in
      try await platform.executeInDefaultOrganization(
        """
        CREATE TABLE Legacy_Orders (id INTEGER PRIMARY KEY);
        CREATE VIEW legacy_view AS SELECT id FROM Legacy_Orders;
        """)
      for name in ["legacy_view", "_heho_tables", "sqlite_master"] {
        let response = try await api.call(
          .post, "/api/v1/database/tables/connect", #"{"tableName": "\#(name)"}"#)
        #expect(response.status != .ok, "\(name) was connected")
      }
      let creating = try await api.call(
        .post, "/api/v1/database/tables",
        #"{"tableName": "LEGACY_ORDERS", "columns": [{"name": "id", "type": "int"}]}"#)
      #expect(creating.status == .conflict)
      #expect(
        creating.error.contains("'Legacy_Orders' already exists in the organization's database"))
      let connected = try await api.call(
        .post, "/api/v1/database/tables/connect", #"{"tableName": "legacy_orders"}"#)
      #expect(connected.status == .ok)
    }
  }
}
