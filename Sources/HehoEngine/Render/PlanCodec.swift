import Foundation
import HehoManifest

/// Reads and writes plans as JSON (`format_version` as `Plan.currentFormatVersion`, keys
/// sorted: stable output).
public enum PlanCodec {
  /// The plan as pretty-printed JSON with sorted keys.
  public static func encode(_ plan: Plan) throws -> Data {
    try ReportJSON.encode(plan)
  }

  /// The plan as a JSON string.
  public static func string(_ plan: Plan) throws -> String {
    String(decoding: try encode(plan), as: UTF8.self)
  }

  /// Reads a saved plan; `source` names it in errors.
  public static func decode(_ data: Data, source: String) throws -> Plan {
    struct Header: Decodable {
      var format_version: String?
    }
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: data)
    } catch {
      throw PlanFileError("\(source): not a heho plan file (it is not a JSON object)")
    }
    guard header.format_version == Plan.currentFormatVersion else {
      throw PlanFileError(
        "\(source): plan format_version is \(header.format_version ?? "missing"); this heho "
          + "reads version \(Plan.currentFormatVersion): run heho plan --out again")
    }
    do {
      return try JSONDecoder().decode(Plan.self, from: data)
    } catch let DecodingError.keyNotFound(key, context) {
      throw PlanFileError("\(source): \(path(context)) lacks '\(key.stringValue)'")
    } catch let DecodingError.typeMismatch(_, context) {
      throw PlanFileError("\(source): \(path(context)) has the wrong type")
    } catch {
      throw PlanFileError("\(source): not a valid heho plan file")
    }
  }

  static func path(_ context: DecodingError.Context) -> String {
    let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
    return path.isEmpty ? "the plan" : path.joined(separator: ".")
  }
}
