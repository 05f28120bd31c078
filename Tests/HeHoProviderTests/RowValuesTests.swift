import HeHoProvider
import HehoManifest
import Testing

@Suite("Row values are normalized by column type before they are compared")
struct RowValuesTests {
  func normalized(_ value: Value, _ type: String) -> Value? {
    try? RowValues.normalize(value, type: type).get()
  }

  @Test(
    arguments: [
      (Value.double(1.0), "numeric", Value.int(1)),
      (.string("2.50"), "numeric", .double(2.5)),
      (.string(" 7 "), "integer", .int(7)),
      (.double(3), "bigint", .int(3)),
      (.string("yes"), "boolean", .bool(true)),
      (.string("F"), "boolean", .bool(false)),
      (.int(1), "boolean", .bool(true)),
      (
        .string("2024-01-01T10:00:00+02:00"), "timestamp with time zone",
        .string("2024-01-01T08:00:00Z")
      ),
      (
        .string("2024-01-01 08:00:00.500Z"), "timestamp with time zone",
        .string("2024-01-01T08:00:00.5Z")
      ),
      (
        .string("2024-01-01T00:30:00+01:00"), "timestamp with time zone",
        .string("2023-12-31T23:30:00Z")
      ),
      (
        .string("2024-03-01T01:00:00-0130"), "timestamp with time zone",
        .string("2024-03-01T02:30:00Z")
      ),
      (
        .string("2024-01-01 08:00"), "timestamp without time zone",
        .string("2024-01-01T08:00:00")
      ),
      (.string("09:00"), "time without time zone", .string("09:00:00")),
      (.string("09:00+02:00"), "time with time zone", .string("09:00:00+02:00")),
      (
        .string(" 2024-05-01T11:05:00Z"), "timestamp with time zone",
        .string("2024-05-01T11:05:00Z")
      ),
      (.string("2024-02-29"), "date", .string("2024-02-29")),
      (
        .string("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"), "uuid",
        .string("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
      ),
      (.string("{\"a\": 1.0}"), "jsonb", .object(["a": .int(1)])),
      (.null, "integer", .null),
      (.string("ab   "), "character", .string("ab")),
    ] as [(Value, String, Value)])
  func equalValuesHaveOneForm(value: Value, type: String, expected: Value) {
    #expect(normalized(value, type) == expected)
  }

  @Test(
    arguments: [
      (Value.string("two"), "numeric"), (.string("1.5"), "integer"), (.int(40_000), "smallint"),
      (.string("maybe"), "boolean"), (.string("2023-02-29"), "date"),
      (.string("2024-01-01T25:00:00Z"), "timestamp with time zone"),
      (.string("2024-01-01T10:00:00+2"), "timestamp with time zone"),
      (.string("not-a-uuid"), "uuid"), (.string("{oops"), "json"), (.int(7), "text"),
      (.bool(true), "text"), (.string("12345678901234567.89"), "numeric"),
      (.string("12:30pm"), "time without time zone"),
      (.string("13:05:00+02"), "time without time zone"),
      (.string("2024-01-01T10:00:00.1234567Z"), "timestamp with time zone"),
    ] as [(Value, String)])
  func valuesThatDoNotFitAreRefused(value: Value, type: String) {
    #expect(normalized(value, type) == nil)
  }

  @Test func keysCompareAsText() {
    #expect(RowValues.keyText(.int(7)) == "7")
    #expect(RowValues.keyText(.string("A1")) == "A1")
  }
}
