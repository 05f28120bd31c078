import Foundation
import HehoManifest
import Testing

@testable import HehoEngine

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `heho test --output junit`: one test case per test; failures name the turn and the
/// expectation; tests that could not run or be checked are errors, never skips.
@Suite struct TestJUnitRendererTests {
  static func document() throws -> XMLDocument {
    try XMLDocument(xmlString: TestJUnitRenderer().render(TestReportFixtures.sample()))
  }

  static func attribute(_ node: XMLNode, _ name: String) -> String? {
    (node as? XMLElement)?.attribute(forName: name)?.stringValue
  }

  @Test func oneSuiteWithOneCasePerTestAndItsCounts() throws {
    let document = try Self.document()
    let suites = try document.nodes(forXPath: "/testsuites/testsuite")
    #expect(suites.count == 1)
    let suite = try #require(suites.first)
    #expect(Self.attribute(suite, "name") == "heho test")
    #expect(Self.attribute(suite, "tests") == "5")
    #expect(Self.attribute(suite, "failures") == "1")
    #expect(Self.attribute(suite, "errors") == "3")
    #expect(Self.attribute(suite, "skipped") == "0")
    #expect(Self.attribute(suite, "time") == "0")
    let cases = try document.nodes(forXPath: "//testcase")
    #expect(cases.count == 5)
    #expect(cases.compactMap { Self.attribute($0, "classname") }.first == "bot/helpdesk")
    #expect(try document.nodes(forXPath: "//skipped").isEmpty)
    #expect(try document.nodes(forXPath: "//testcase[@name='returns-policy']/*").isEmpty)
  }

  @Test func aFailureNamesTheTurnAndExpectationAndListsTheFailedTurns() throws {
    let document = try Self.document()
    let failure = try #require(
      try document.nodes(forXPath: "//testcase[@name='failed-repeated']/failure").first)
    #expect(
      Self.attribute(failure, "message")
        == "turn 1: expected contains \"30 days\": missing \"30 days\"")
    let body = failure.stringValue ?? ""
    #expect(body.contains("declared at tests.yaml:20:1"))
    #expect(body.contains("1 of 3 runs passed: 33%, needs 100%; runs that did not pass: 2, 3"))
    #expect(body.contains("run 2:"))
    #expect(body.contains("expected contains \"30 days\": missing \"30 days\""))
    #expect(body.contains("not checkable citesDocument returns.md: the reply carries no sources"))
    // The reply is trimmed like the text report's.
    let reply = try #require(body.split(separator: "\n").first { $0.contains("reply: ") })
    #expect(reply.count < TestTextRenderer.replyLimit + 40)
    #expect(reply.hasSuffix("…\""))
  }

  @Test func notRunnableIncompleteAndErrorAreErrorsNotSkips() throws {
    let document = try Self.document()
    let errors = try document.nodes(forXPath: "//testcase/error")
    let messages = errors.compactMap { Self.attribute($0, "message") }
    #expect(messages.contains("not runnable: Heppu has no conversation API"))
    #expect(
      messages.contains(
        "not checkable: turn 2: citesDocument returns.md: the reply carries no sources"))
    #expect(messages.contains("did not run: run 1 stopped at turn 1: the platform answered 503"))
    let types = errors.compactMap { Self.attribute($0, "type") }.sorted()
    #expect(types == ["error", "not-checkable", "not-runnable"])
  }

  @Test func everythingIsEscapedControlCharactersIncluded() throws {
    let xml = TestJUnitRenderer().render(TestReportFixtures.sample())
    #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(xml.contains("we&lt;ird&gt; &amp; &quot;quoted&quot; &apos;it&apos;"))
    let document = try XMLDocument(xmlString: xml)
    let names = try document.nodes(forXPath: "//testcase").compactMap {
      Self.attribute($0, "name")
    }
    #expect(names.contains { $0.hasPrefix("agent-we<ird> & \"quoted\" 'it' | pipe") })
    #expect(names.contains { $0.hasSuffix("\\u{1}\\u{1b}[31m") })
  }

  @Test func aReplysLineBreaksAreKept() throws {
    let report = TestReportFixtures.ships(reply: "Orders ship within two working\ndays.")
    let xml = TestJUnitRenderer().render(report)
    #expect(xml.contains("  reply: \"Orders ship within two working\n         days.\""))
  }

  @Test func anEmptyReportIsAnEmptySuite() throws {
    let report = TestReport(sandbox: true, platforms: [], tests: [])
    let document = try XMLDocument(xmlString: TestJUnitRenderer().render(report))
    let suite = try #require(try document.nodes(forXPath: "//testsuite").first)
    #expect(Self.attribute(suite, "tests") == "0")
  }

  @Test func theTestReportOffersEveryFormat() {
    #expect(ReportRenderers<TestReport>.test(color: false).formats == ReportFormat.allCases)
  }
}
