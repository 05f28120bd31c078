import Foundation
import HehoTestSupport
import Testing

/// The JSON plan matches `schemas/plan.schema.json` (checked with check-jsonschema).
@Suite struct PlanSchemaTests {
  static func validate(_ json: String) async throws -> (Int32, String) {
    let result = try await CheckJSONSchema.validate(
      json: json, schema: Harness.repositoryRoot.appendingPathComponent("schemas/plan.schema.json"))
    return (result.status, result.text)
  }

  @Test
  func plansOfEveryShapeMatchTheSchema() async throws {
    let harness = try await Harness.start()
    let creates = await harness.run(["plan", "--output", "json"])
    let (code, output) = try await Self.validate(creates.out)
    #expect(code == 0, "\(output)")
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try await harness.addRows("faq", count: 2) { ["question": "q\($0)", "answer": "a\($0)"] }
    try harness.edit("tables.yaml") {
      $0.replacingOccurrences(
        of: "{ name: topic, type: varchar(64) }", with: "{ name: topic, type: text }")
    }
    try harness.edit("heho.yaml") {
      $0.replacingOccurrences(of: "prune: false", with: "prune: true")
    }
    _ = try await harness.api(
      "POST", "/api/v1/database/tables",
      body: ["tableName": "extra", "columns": [["name": "id", "type": "uuid"]]])
    let mixed = await harness.run(["plan", "--output", "json"])
    #expect(mixed.code == 1)
    #expect(mixed.out.contains("\"data_loss\""))
    #expect(mixed.out.contains("\"unmanaged\""))
    let (mixedCode, mixedOutput) = try await Self.validate(mixed.out)
    #expect(mixedCode == 0, "\(mixedOutput)")
    let (badCode, _) = try await Self.validate(#"{"format_version": "2"}"#)
    #expect(badCode != 0)
    await harness.stop()
  }
}
