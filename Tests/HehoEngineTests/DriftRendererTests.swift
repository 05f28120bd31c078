import Foundation
import HehoManifest
import Testing

@testable import HehoEngine

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct DriftRendererTests {
  static let hostile = "we<ird> & \"quoted\" 'name' | pipe \u{1}"

  static func sample() -> DriftReport {
    let at = SourceLocation(file: "bots.yaml", line: 3, column: 1)
    return DriftReport(
      platforms: [PlatformEndpoint(name: "fake", endpoint: "http://fake")], project: "demo",
      environment: "prod",
      entries: [
        DriftEntry(
          address: ResourceAddress(kind: "bot", name: "support"), status: .modified,
          liveID: "b-1", location: at,
          sources: [
            ResourceAddress(kind: "bot", name: "support"),
            ResourceAddress(kind: "grant", name: "support-orders"),
          ],
          differences: [
            DriftDifference(
              field: "tone", live: .string("strict"), declared: .string("friendly"),
              forcesReplacement: true)
          ],
          ignored: [
            DriftDifference(
              field: "theme", live: .string("rose"), declared: .string("sky"),
              reason: "marketing picks themes")
          ]),
        DriftEntry(
          address: ResourceAddress(kind: "store", name: "orders"), status: .missing,
          location: SourceLocation(file: "stores.yaml", line: 1, column: 1)),
        DriftEntry(
          address: ResourceAddress(kind: "bot", name: hostile), status: .unmanaged, liveID: "b-9"),
        DriftEntry(
          address: ResourceAddress(kind: "store", name: "faq"), status: .inSync, liveID: "faq",
          location: SourceLocation(file: "stores.yaml", line: 9, column: 1)),
      ], notes: ["a note"])
  }

  @Test func textListsEachClassSeparatelyWithIgnoredReasons() {
    let text = DriftTextRenderer(color: false).render(Self.sample())
    #expect(text.contains("Modified (live differs from the manifests):"))
    #expect(text.contains("~ bot/support (with grant/support-orders)  bots.yaml:3"))
    #expect(text.contains("tone: live \"strict\", declared \"friendly\""))
    #expect(
      text.contains("theme: live \"rose\", declared \"sky\" — ignored (marketing picks themes)"))
    #expect(
      text.contains("Missing (declared, not on the platform):\n  + store/orders  stores.yaml:1"))
    #expect(text.contains("Unmanaged (on the platform, in no manifest):"))
    #expect(text.contains("id b-9"))
    #expect(text.contains("pipe \\u{1}"))
    #expect(!text.contains("\u{1}"))
    #expect(text.contains("Note: a note"))
    #expect(
      text.hasSuffix(
        "Drift: 1 modified, 1 missing, 1 unmanaged; 1 in sync, 1 difference ignored."))
    #expect(!text.contains("\u{1B}["))
  }

  @Test func textWithColorUsesANSI() {
    #expect(DriftTextRenderer(color: true).render(Self.sample()).contains("\u{1B}[1m"))
  }

  @Test func noDriftText() {
    let report = DriftReport(
      platforms: [PlatformEndpoint(name: "fake", endpoint: "http://fake")], project: "demo",
      entries: [])
    #expect(
      DriftTextRenderer(color: false).render(report)
        == "No drift: 0 modified, 0 missing, 0 unmanaged; 0 in sync.")
  }

  @Test func markdownHasASummaryTableAndEscapesCells() {
    let markdown = DriftMarkdownRenderer().render(Self.sample())
    #expect(markdown.hasPrefix("### heho drift: demo (prod)\n"))
    #expect(markdown.contains("| 🟡 | `bot/support` | modified: `tone` | `bots.yaml:3` |"))
    #expect(markdown.contains("| 🟢 | `store/orders` | missing: declared, not on the platform |"))
    #expect(markdown.contains("<details><summary>Field differences</summary>"))
    #expect(
      markdown.contains("| `theme` | \"rose\" | \"sky\" | ignored (marketing picks themes) |"))
    // Every table row keeps exactly its columns: pipes in names are escaped.
    for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
      let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
      #expect(cells == 5, "\(line)")
    }
    #expect(markdown.contains("| 🔴 | `bot/we<ird> & \"quoted\" 'name' \\| pipe \\u{1}` |"))
    #expect(!markdown.contains("\u{1}"))
    let cell = DriftMarkdownRenderer.escape("<b>a|b</b>\nnext")
    #expect(cell == "&lt;b&gt;a\\|b&lt;/b&gt; next")
  }

  @Test func junitIsWellFormedWithOneTestCasePerResource() throws {
    let xml = DriftJUnitRenderer().render(Self.sample())
    let document = try XMLDocument(xmlString: xml, options: [])
    let cases = try document.nodes(forXPath: "//testcase")
    #expect(cases.count == 4)
    #expect(try document.nodes(forXPath: "//testcase/failure").count == 3)
    let suite = try #require(try document.nodes(forXPath: "//testsuite").first as? XMLElement)
    #expect(suite.attribute(forName: "failures")?.stringValue == "3")
    #expect(suite.attribute(forName: "tests")?.stringValue == "4")
    let names = cases.compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }
    #expect(names.contains("bot/we<ird> & \"quoted\" 'name' | pipe \\u{1}"))
    let out = try document.nodes(forXPath: "//testcase/system-out").first?.stringValue
    #expect(out?.contains("ignored (marketing picks themes)") == true)
    let failure = try document.nodes(forXPath: "//testcase[@name='bot/support']/failure").first
    #expect((failure as? XMLElement)?.attribute(forName: "type")?.stringValue == "modified")
  }

  @Test func junitWithoutDriftHasNoFailures() throws {
    let report = DriftReport(
      platforms: [PlatformEndpoint(name: "fake", endpoint: "http://fake")], project: "demo",
      entries: [DriftEntry(address: ResourceAddress(kind: "store", name: "a"), status: .inSync)])
    let document = try XMLDocument(xmlString: DriftJUnitRenderer().render(report), options: [])
    #expect(try document.nodes(forXPath: "//failure").isEmpty)
    #expect(try document.nodes(forXPath: "//testcase").count == 1)
  }
}
