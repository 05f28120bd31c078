/// Renders one kind of report (a plan, a drift report) in one format.
public protocol ReportRenderer<Report>: Sendable {
  /// The report it renders.
  associatedtype Report
  /// The report as text; a failure (a JSON encoding error) is thrown, never hidden.
  func render(_ report: Report) throws -> String
}

/// The formats reports are written in. Each report offers some of them.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
  case text, json, markdown, junit
}

/// One report's renderers, by format: the one place a format is turned into text.
public struct ReportRenderers<Report>: Sendable {
  /// The renderers this report offers.
  public var renderers: [ReportFormat: any ReportRenderer<Report>]

  /// Creates the set.
  public init(_ renderers: [ReportFormat: any ReportRenderer<Report>]) {
    self.renderers = renderers
  }

  /// The formats offered, in `ReportFormat` order.
  public var formats: [ReportFormat] { ReportFormat.allCases.filter { renderers[$0] != nil } }

  /// `report` in `format`.
  ///
  /// - Throws: `ReportFormatError` when the report is not offered in `format`; the renderer's
  ///   error when it fails.
  public func render(_ report: Report, as format: ReportFormat) throws -> String {
    guard let renderer = renderers[format] else {
      throw ReportFormatError(
        "this report is not offered as \(format.rawValue); choose one of "
          + formats.map(\.rawValue).joined(separator: ", "))
    }
    return try renderer.render(report)
  }
}

extension ReportRenderers where Report == Plan {
  /// A plan as text (colored or not), JSON and Markdown.
  public static func plan(color: Bool) -> ReportRenderers<Plan> {
    ReportRenderers([
      .text: TextRenderer(color: color), .json: PlanJSONRenderer(), .markdown: MarkdownRenderer(),
    ])
  }
}

extension ReportRenderers where Report == DriftReport {
  /// A drift report as text (colored or not), JSON, Markdown and JUnit XML.
  public static func drift(color: Bool) -> ReportRenderers<DriftReport> {
    ReportRenderers([
      .text: DriftTextRenderer(color: color), .json: DriftJSONRenderer(),
      .markdown: DriftMarkdownRenderer(), .junit: DriftJUnitRenderer(),
    ])
  }
}

/// A plan as JSON (`PlanCodec`).
public struct PlanJSONRenderer: ReportRenderer {
  public init() {}
  public func render(_ report: Plan) throws -> String { try PlanCodec.string(report) }
}

/// A drift report as JSON (`DriftCodec`).
public struct DriftJSONRenderer: ReportRenderer {
  public init() {}
  public func render(_ report: DriftReport) throws -> String { try DriftCodec.string(report) }
}

extension TextRenderer: ReportRenderer {}
extension MarkdownRenderer: ReportRenderer {}
extension DriftTextRenderer: ReportRenderer {}
extension DriftMarkdownRenderer: ReportRenderer {}
extension DriftJUnitRenderer: ReportRenderer {}
