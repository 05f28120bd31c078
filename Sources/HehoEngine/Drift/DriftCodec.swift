import Foundation
import HehoManifest

/// Writes drift reports as JSON (`format_version` "1", keys sorted: stable output).
public enum DriftCodec {
  /// The report as pretty-printed JSON with sorted keys.
  public static func encode(_ report: DriftReport) throws -> Data {
    try ReportJSON.encode(report)
  }

  /// The report as a JSON string.
  public static func string(_ report: DriftReport) throws -> String {
    String(decoding: try encode(report), as: UTF8.self)
  }

  /// Reads a report written by `encode`.
  public static func decode(_ data: Data) throws -> DriftReport {
    try JSONDecoder().decode(DriftReport.self, from: data)
  }
}
