import ArgumentParser
import HehoEngine

extension ReportFormat: ExpressibleByArgument {}

/// Writing reports from commands: one place that turns `--output` into text.
enum ReportOutput {
  /// Whether to color text: the console can, and `NO_COLOR` is not set.
  static func color(_ console: Console) -> Bool {
    console.useColor && (ProcessEnvironment.current["NO_COLOR"] ?? "").isEmpty
  }

  /// `report` in `format`; a failure to render is a reported error (exit 1).
  static func render<Report>(
    _ report: Report, as format: ReportFormat, with renderers: ReportRenderers<Report>
  ) throws -> String {
    do {
      return try renderers.render(report, as: format)
    } catch {
      throw CommandFailure.report("cannot write the report as \(format.rawValue): \(error)")
    }
  }

  /// Refuses an `--output` the command does not offer, naming those it does.
  static func check(_ format: ReportFormat, offered: [ReportFormat]) throws {
    guard !offered.contains(format) else { return }
    throw ValidationError(
      "--output \(format.rawValue) is not offered here; use "
        + offered.map(\.rawValue).joined(separator: ", "))
  }
}
