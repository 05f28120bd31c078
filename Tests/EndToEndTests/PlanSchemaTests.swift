import Foundation
import HehoTestSupport
import Testing

/// The JSON plan matches `schemas/plan.schema.json` (checked with check-jsonschema).
@Suite struct PlanSchemaTests {
  static let checker: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let candidates =
      path.split(separator: ":").map { "\($0)/check-jsonschema" }
      + [NSHomeDirectory() + "/.local/bin/check-jsonschema"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  static func validate(_ json: String, in directory: URL) async throws -> (Int32, String) {
    let file = directory.appendingPathComponent("plan-\(UUID().uuidString).json")
    try json.write(to: file, atomically: true, encoding: .utf8)
    let result = try await ChildProcess.run([
      checker ?? "/bin/false", "--schemafile",
      Harness.repositoryRoot.appendingPathComponent("schemas/plan.schema.json").path, file.path,
    ])
    return (result.status, result.text)
  }

  @Test(.enabled(if: checker != nil, "needs check-jsonschema (scripts/check-deps --test-tools)"))
  func plansOfEveryShapeMatchTheSchema() async throws {
    let harness = try await Harness.start()
    let creates = await harness.run(["plan", "--output", "json"])
    let (code, output) = try await Self.validate(creates.out, in: harness.directory)
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
    let (mixedCode, mixedOutput) = try await Self.validate(mixed.out, in: harness.directory)
    #expect(mixedCode == 0, "\(mixedOutput)")
    let (badCode, _) = try await Self.validate(#"{"format_version": "2"}"#, in: harness.directory)
    #expect(badCode != 0)
    await harness.stop()
  }
}
