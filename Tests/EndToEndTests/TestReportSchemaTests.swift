import Foundation
import HehoEngine
import HehoManifest
import HehoTestSupport
import Testing

/// `heho test`'s machine-readable reports match their schemas: the JSON
/// `schemas/test-report.schema.json` (check-jsonschema), the JUnit XML `schemas/junit.xsd`
/// (xmllint). A missing validator fails these tests; it never skips them.
@Suite struct TestReportSchemaTests {
  static let junitSchema = Repository.root.appendingPathComponent("schemas/junit.xsd")

  /// A report with every verdict, sources both unknown and listed, and a check with no detail.
  static func report() -> TestReport {
    let target = ResourceAddress(kind: "bot", name: "helpdesk")
    let grounded = TurnResult(
      turn: 1, user: "How long do I have?", reply: "30 days, free of charge.",
      sources: ["returns.md"],
      checks: [
        CheckResult(check: "contains", expected: "\"30 days\"", outcome: .passed(nil)),
        CheckResult(check: "rubric", expected: "polite", outcome: .passed("it thanks the user")),
      ])
    let unsourced = TurnResult(
      turn: 2, user: "Call me <back> & \u{1}", reply: "Sorry \u{1B}[31m", sources: nil,
      checks: [
        CheckResult(check: "contains", expected: "\"30 days\"", outcome: .failed("missing")),
        CheckResult(
          check: "citesDocument", expected: "returns.md",
          outcome: .notCheckable("the reply carries no sources")),
        CheckResult(
          check: "webhookDelivered", expected: "lead.captured to crm", outcome: .passed(nil)),
      ])
    let unchecked = TurnResult(
      turn: 1, user: "Hi", reply: "Hello", sources: [],
      checks: [
        CheckResult(
          check: "rubric", expected: "friendly",
          outcome: .notCheckable("a rubric is graded by a model: run with --judge-endpoint URL"))
      ])
    return TestReport(
      sandbox: false, platforms: [PlatformEndpoint(name: "bothero", endpoint: "http://b")],
      outOfSync: [target],
      tests: [
        TestResult(
          name: "passes", target: target, location: "tests.yaml:1:1", status: .passed,
          passRate: 1, runs: [HehoEngine.RunResult(run: 1, status: .passed, turns: [grounded])]),
        TestResult(
          name: "fails", target: target, location: "tests.yaml:9:1", status: .failed,
          passRate: 0.5, minPassRate: 1,
          runs: [
            HehoEngine.RunResult(run: 1, status: .passed, turns: [grounded]),
            HehoEngine.RunResult(run: 2, status: .failed, turns: [grounded, unsourced]),
          ]),
        TestResult(
          name: "agent", target: ResourceAddress(kind: "agent", name: "concierge"),
          location: "tests.yaml:20:1", status: .notRunnable,
          reason: "Heppu has no conversation API"),
        TestResult(
          name: "judged", target: target, location: "tests.yaml:30:1", status: .incomplete,
          runs: [HehoEngine.RunResult(run: 1, status: .incomplete, turns: [unchecked])]),
        TestResult(
          name: "stopped", target: target, location: "tests.yaml:40:1", status: .error,
          reason: "run 1 stopped at turn 1: 503",
          runs: [HehoEngine.RunResult(run: 1, status: .error, error: "turn 1: 503", turns: [])]),
      ])
  }

  @Test func theJSONReportMatchesItsSchema() async throws {
    let json = try TestCodec.string(Self.report())
    #expect(json.contains("\"not_runnable\" : 1"))
    #expect(!json.contains("\"sources\" : null"), "unknown sources are left out")
    try await SchemaCheck.validate(json, against: "schemas/test-report.schema.json")
    let empty = try TestCodec.string(TestReport(sandbox: true, platforms: [], tests: []))
    try await SchemaCheck.validate(empty, against: "schemas/test-report.schema.json")
  }

  @Test func theSchemaRefusesWhatTheFormatNeverHolds() async throws {
    let schema = Repository.root.appendingPathComponent("schemas/test-report.schema.json")
    let json = try TestCodec.string(Self.report())
    let broken = [
      json.replacingOccurrences(
        of: "\"format_version\" : \"1\"", with: "\"format_version\" : \"2\""),
      json.replacingOccurrences(
        of: "\"status\" : \"not-runnable\"", with: "\"status\" : \"skipped\""),
      json.replacingOccurrences(
        of: "\"reason\" : \"Heppu has no conversation API\",", with: ""),
      json.replacingOccurrences(of: "\"sandbox\" : false", with: "\"sandbox\" : false, \"x\" : 1"),
    ]
    for (index, text) in broken.enumerated() {
      #expect(text != json, "mutation \(index) changed nothing")
      let result = try await CheckJSONSchema.validate(json: text, schema: schema)
      #expect(result.status != 0, "mutation \(index) was accepted")
    }
  }

  @Test func theJUnitReportMatchesTheJUnitSchema() async throws {
    let xml = TestJUnitRenderer().render(Self.report())
    #expect(xml.contains("<failure type=\"failed\""))
    #expect(xml.contains("<error type=\"not-runnable\""))
    #expect(xml.contains("<error type=\"not-checkable\""))
    #expect(xml.contains("<error type=\"error\""))
    let result = try await XMLLint.validate(xml: xml, schema: Self.junitSchema)
    #expect(result.status == 0, "xmllint: \(result.text)")
    let empty = TestJUnitRenderer().render(TestReport(sandbox: true, platforms: [], tests: []))
    let emptyResult = try await XMLLint.validate(xml: empty, schema: Self.junitSchema)
    #expect(emptyResult.status == 0, "xmllint: \(emptyResult.text)")
  }

  @Test func theJUnitSchemaRefusesWhatCIServersWouldNotRead() async throws {
    let xml = TestJUnitRenderer().render(Self.report())
    let broken = [
      xml.replacingOccurrences(of: "<testsuite name=\"heho test\" ", with: "<testsuite "),
      xml.replacingOccurrences(of: " time=\"0\"/>", with: " time=\"0\" line=\"three\"/>"),
      xml.replacingOccurrences(of: "<failure ", with: "<failed "),
    ]
    for (index, text) in broken.enumerated() {
      #expect(text != xml, "mutation \(index) changed nothing")
      let result = try await XMLLint.validate(xml: text, schema: Self.junitSchema)
      #expect(result.status != 0, "mutation \(index) was accepted")
    }
  }

  /// The examples' own tests, run on a throwaway local platform: their real reports match too.
  @Test(arguments: [("omnichannel", Int32(0)), ("broken-prompt", Int32(1))])
  func theExamplesReportsMatchTheirSchemas(example: String, code: Int32) async throws {
    let directory = Repository.root.appendingPathComponent("examples/\(example)")
    var environment = ProcessInfo.processInfo.environment
    environment["CRM_WEBHOOK_SECRET"] = "example-webhook-secret"
    let base = ["test", "--local", "-f", directory.path, "--output"]
    let json = await InProcessHeho.run(base + ["json"], environment: environment)
    #expect(json.code == code, "\(json.err)")
    try await SchemaCheck.validate(json.out, against: "schemas/test-report.schema.json")
    let junit = await InProcessHeho.run(base + ["junit"], environment: environment)
    #expect(junit.code == code, "\(junit.err)")
    #expect(junit.out.contains("<testsuite name=\"heho test\""))
    let result = try await XMLLint.validate(xml: junit.out, schema: Self.junitSchema)
    #expect(result.status == 0, "xmllint: \(result.text)")
  }
}
