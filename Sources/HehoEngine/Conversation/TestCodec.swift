import Foundation
import HehoManifest

/// Writes test reports as JSON (`format_version` "1", keys sorted: stable output).
public enum TestCodec {
  /// The report as pretty-printed JSON with sorted keys.
  public static func string(_ report: TestReport) throws -> String {
    try ReportJSON.string(report)
  }

  /// Reads a report written by `string`.
  public static func decode(_ data: Data) throws -> TestReport {
    try JSONDecoder().decode(TestReport.self, from: data)
  }
}

/// A test report as JSON (`TestCodec`).
public struct TestJSONRenderer: ReportRenderer {
  public init() {}
  public func render(_ report: TestReport) throws -> String { try TestCodec.string(report) }
}

extension TestTextRenderer: ReportRenderer {}
extension TestJUnitRenderer: ReportRenderer {}
extension TestMarkdownRenderer: ReportRenderer {}

extension ReportRenderers where Report == TestReport {
  /// A test report as text (colored or not), JSON, JUnit XML and Markdown.
  public static func test(color: Bool) -> ReportRenderers<TestReport> {
    ReportRenderers([
      .text: TestTextRenderer(color: color), .json: TestJSONRenderer(),
      .junit: TestJUnitRenderer(), .markdown: TestMarkdownRenderer(),
    ])
  }
}
