import Foundation

/// Renders a `LoadResult` for `heho validate`: compiler-style text or versioned JSON.
public struct ValidationReport: Sendable {
  /// The outcome to render.
  public var result: LoadResult

  /// Creates a report.
  public init(_ result: LoadResult) {
    self.result = result
  }

  /// One line per diagnostic (`file:line:col: error: message`), then a summary line.
  public var textLines: [String] {
    result.diagnostics.map(\.description) + [summary]
  }

  /// `2 errors, 1 warning in 5 files`, or `Valid: 7 resources in 3 files.` (`… 7 resources and
  /// 2 conversation tests …` when there are tests).
  public var summary: String {
    let errors = result.diagnostics.filter { $0.severity == .error }.count
    let warnings = result.diagnostics.filter { $0.severity == .warning }.count
    let files = Self.count(result.files.count, "file")
    if errors > 0 {
      var parts = [Self.count(errors, "error")]
      if warnings > 0 { parts.append(Self.count(warnings, "warning")) }
      return "\(parts.joined(separator: ", ")) in \(files)"
    }
    var resources = Self.count(result.state?.resources.count ?? 0, "resource")
    if let tests = result.state?.tests.count, tests > 0 {
      resources += " and \(Self.count(tests, "conversation test"))"
    }
    let suffix = warnings > 0 ? " (\(Self.count(warnings, "warning")))" : ""
    return "Valid: \(resources) in \(files)\(suffix)."
  }

  /// The JSON document: `{"format_version": "1", "valid", "diagnostics", "resources",
  /// "tests"}` (`tests`: the conversation tests' addresses).
  public var json: String {
    let document = JSONReport(
      formatVersion: "1", valid: !result.hasErrors,
      diagnostics: result.diagnostics.map {
        JSONReport.Item(
          severity: $0.severity.rawValue, file: $0.location?.file, line: $0.location?.line,
          column: $0.location?.column, message: $0.message)
      },
      resources: result.state?.resources.map(\.address.description) ?? [],
      tests: result.state?.tests.map(\.address.description) ?? [])
    return (try? ReportJSON.string(document)) ?? "{}"
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  private struct JSONReport: Encodable {
    struct Item: Encodable {
      var severity: String
      var file: String?
      var line: Int?
      var column: Int?
      var message: String

      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(message, forKey: .message)
      }

      enum CodingKeys: String, CodingKey { case severity, file, line, column, message }
    }

    var formatVersion: String
    var valid: Bool
    var diagnostics: [Item]
    var resources: [String]
    var tests: [String]

    enum CodingKeys: String, CodingKey {
      case formatVersion = "format_version"
      case valid, diagnostics, resources, tests
    }
  }
}
