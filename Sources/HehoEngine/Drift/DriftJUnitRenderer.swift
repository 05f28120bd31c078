import HehoManifest

/// Renders a drift report as JUnit XML for CI dashboards: one test case per resource, managed
/// and unmanaged; drifted resources are failures, ignored differences go to `system-out`.
public struct DriftJUnitRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// The report as a JUnit XML document.
  public func render(_ report: DriftReport) -> String {
    let entries = report.entries
    let failures = entries.filter(\.isDrift).count
    let suite = "heho drift: \(report.project)" + (report.environment.map { " (\($0))" } ?? "")
    let counts = "tests=\"\(entries.count)\" failures=\"\(failures)\" errors=\"0\""
    return JUnitDocument.render(
      suites: "name=\(XMLText.attribute("heho drift")) \(counts)",
      suite: "name=\(XMLText.attribute(suite)) \(counts) skipped=\"0\"",
      cases: entries.flatMap(testCase))
  }

  func testCase(_ entry: DriftEntry) -> [String] {
    var open =
      "    <testcase classname=\(XMLText.attribute("heho.\(entry.address.kind)")) "
      + "name=\(XMLText.attribute(entry.address.description))"
    if let location = entry.location {
      open += " file=\(XMLText.attribute(location.file)) line=\"\(location.line)\""
    }
    var body: [String] = []
    if entry.isDrift {
      body.append(
        "      <failure type=\(XMLText.attribute(entry.status.rawValue)) "
          + "message=\(XMLText.attribute(message(for: entry)))>"
          + XMLText.content(details(for: entry)) + "</failure>")
    }
    if !entry.ignored.isEmpty {
      let text = entry.ignored.map { DriftTextRenderer.line(for: $0, style: Style(color: false)) }
      body.append(
        "      <system-out>" + XMLText.content(text.joined(separator: "\n")) + "</system-out>")
    }
    if body.isEmpty { return [open + "/>"] }
    return [open + ">"] + body + ["    </testcase>"]
  }

  func message(for entry: DriftEntry) -> String {
    switch entry.status {
    case .modified:
      let fields = entry.differences.map(\.field).joined(separator: ", ")
      return "\(entry.address) differs from its manifest: \(fields)"
    case .missing: return "\(entry.address) is declared but not on the platform"
    case .unmanaged: return "\(entry.address) is on the platform but in no manifest"
    case .conflict: return entry.message ?? "\(entry.address) is on the platform more than once"
    case .inSync: return ""
    }
  }

  func details(for entry: DriftEntry) -> String {
    var lines = entry.differences.map {
      DriftTextRenderer.line(for: $0, style: Style(color: false))
    }
    if let location = entry.location { lines.append("declared at \(location)") }
    if let id = entry.liveID { lines.append("live id \(id)") }
    return lines.joined(separator: "\n")
  }
}
