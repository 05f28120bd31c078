import HehoEngine
import HehoManifest
import Testing

@testable import HeHoProvider

@Suite("A table change is planned as a copy-migration that names what it loses")
struct TableMigrationTests {
  static let table = ResourceAddress(kind: "table", name: "products")

  /// A live table with `columns` as (name, type, required).
  static func live(_ columns: [(String, String, Bool)]) -> LiveResource {
    var fields: [String: Value] = ["columns": .array(columns.map { .string($0.0) })]
    for (name, type, required) in columns {
      fields["columns.\(name).type"] = .string(type)
      fields["columns.\(name).required"] = .bool(required)
    }
    return LiveResource(address: table, id: "products", fields: fields)
  }

  /// A declared table with `columns` as manifest column objects.
  static func item(_ columns: [[String: Value]]) -> DesiredItem {
    DesiredItem(
      address: table, fields: [:],
      payload: ["tableName": .string("products"), "columns": .array(columns.map(Value.object))])
  }

  static let before = live([
    ("sku", "text", true), ("name", "text", true), ("price", "integer", false),
    ("note", "text", false),
  ])

  /// A manifest column.
  static func col(
    _ name: String, _ type: String, primaryKey: Bool = false, notNull: Bool = false,
    defaultValue: Value? = nil
  ) -> [String: Value] {
    var column: [String: Value] = ["name": .string(name), "type": .string(type)]
    if primaryKey { column["primaryKey"] = .bool(true) }
    if notNull { column["notNull"] = .bool(true) }
    if let defaultValue { column["defaultValue"] = defaultValue }
    return column
  }

  /// Row fields from text and whole numbers (nil is null).
  static func row(_ fields: [String: Any?]) -> [String: Value] {
    fields.mapValues { value -> Value in
      switch value {
      case let text as String: return .string(text)
      case let number as Int: return .int(number)
      default: return .null
      }
    }
  }

  static func plan(_ columns: [[String: Value]]) throws -> MigrationPlan {
    try #require(TableMigration.plan(from: before, to: item(columns)))
  }

  static let sku = col("sku", "text", primaryKey: true)
  static let name = col("name", "text", notNull: true)

  @Test func wideningAddingAndReorderingKeepEveryValue() throws {
    let plan = try Self.plan([
      Self.sku, Self.col("price", "numeric"), Self.name,
      Self.col("note", "varchar"), Self.col("stock", "integer", defaultValue: .int(0)),
      Self.col("tags", "jsonb"),
    ])
    #expect(plan.lossyChanges.isEmpty)
    #expect(plan.dropsEveryRecord == nil)
    #expect(plan.carried == ["sku", "price", "name", "note"])
    #expect(plan.source.keyField == "sku")
    #expect(
      plan.losslessChanges == [
        "price: integer → numeric (widened)", "note: text → character varying (widened)",
        "column stock added (takes its default)", "column tags added (null in every row)",
        "columns reordered",
      ])
    let row = Record(
      key: "TEA", fields: Self.row(["sku": "TEA", "name": "Tea", "price": 4, "note": nil]))
    #expect(
      TableMigration.carryOver(row, in: plan)
        == .kept(Self.row(["sku": "TEA", "name": "Tea", "price": 4, "note": nil]), lost: []))
  }

  @Test func removingAColumnAndNarrowingATypeLoseData() throws {
    let plan = try Self.plan([Self.sku, Self.name, Self.col("price", "smallint")])
    #expect(
      plan.lossyChanges == [
        "column price: integer → smallint narrows it: values that do not convert are lost",
        "column note removed: its values are lost",
      ])
    let fits = Record(
      key: "A", fields: Self.row(["sku": "A", "name": "a", "price": 5, "note": nil]))
    #expect(TableMigration.carryOver(fits, in: plan).losses.isEmpty)
    let big = Record(
      key: "B", fields: Self.row(["sku": "B", "name": "b", "price": 70_000, "note": "x"]))
    #expect(
      TableMigration.carryOver(big, in: plan)
        == .kept(
          Self.row(["sku": "B", "name": "b", "price": nil]),
          lost: [
            "price = 70000 does not fit smallint (it becomes null)",
            "note = \"x\" (column removed)",
          ]))
  }

  @Test func aValueARequiredColumnCannotTakeDropsTheRow() throws {
    let plan = try Self.plan([
      Self.sku, Self.name, Self.col("price", "integer", notNull: true),
      Self.col("note", "text"),
    ])
    #expect(plan.required == ["sku", "name", "price"])
    let empty = Record(key: "C", fields: Self.row(["sku": "C", "name": "c", "price": nil]))
    #expect(
      TableMigration.carryOver(empty, in: plan)
        == .dropped("price is empty, and the column is now required"))
  }

  @Test func aNewRequiredColumnWithoutADefaultDropsEveryRow() throws {
    let plan = try Self.plan([
      Self.sku, Self.name, Self.col("price", "integer"), Self.col("note", "text"),
      Self.col("owner", "text", notNull: true),
    ])
    #expect(plan.dropsEveryRecord?.contains("column owner is new, required") == true)
    let row = Record(key: "D", fields: Self.row(["sku": "D", "name": "d"]))
    #expect(TableMigration.carryOver(row, in: plan).fields == nil)
    // A serial or a defaulted column is filled by the platform instead.
    let serial = try Self.plan([
      Self.sku, Self.name, Self.col("price", "integer"), Self.col("note", "text"),
      Self.col("seq", "bigserial", notNull: true),
    ])
    #expect(serial.dropsEveryRecord == nil)
  }

  @Test(
    arguments: [
      (Value.int(7), "integer", "text", Value.string("7")),
      (.double(2.5), "numeric", "text", .string("2.5")),
      (.bool(true), "boolean", "text", .string("true")),
      (
        .object(["b": .int(1), "a": .array([.bool(true)])]), "jsonb", "text",
        .string("{\"a\":[true],\"b\":1}")
      ),
      (.string("2024-05-01"), "date", "timestamp with time zone", .string("2024-05-01T00:00:00Z")),
      (
        .string("2024-05-01T10:00:00"), "timestamp without time zone", "timestamp with time zone",
        .string("2024-05-01T10:00:00Z")
      ),
      (.string("12"), "text", "integer", .int(12)),
      (.int(3), "smallint", "bigint", .int(3)),
    ])
  func valuesConvertToTheirNewType(value: Value, old: String, new: String, expected: Value) {
    #expect((try? TableMigration.convert(value, from: old, to: new).get()) == expected)
  }

  @Test func valuesThatDoNotConvertAreRefused() {
    #expect((try? TableMigration.convert(.string("abc"), from: "text", to: "integer").get()) == nil)
    #expect(
      (try? TableMigration.convert(.double(1.5), from: "numeric", to: "integer").get()) == nil)
  }

  @Test func withoutAPrimaryKeyRestoredRowsAreLookedUpByTheirPlainValues() throws {
    let plan = try #require(
      TableMigration.plan(
        from: Self.live([("a", "text", false), ("b", "jsonb", false)]),
        to: Self.item([
          Self.col("a", "text"), Self.col("b", "jsonb"),
          Self.col("c", "text"),
        ])))
    #expect(plan.target.keyField == "")
    #expect(plan.target.lookupFields == ["a"])
  }
}
