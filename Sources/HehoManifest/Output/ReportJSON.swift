import Foundation

/// The JSON heho writes for tools and people to read (plans, drift, test and validation
/// reports): pretty-printed, keys sorted so that the same report is the same text, slashes
/// left as they are so that paths and URLs read plainly.
package enum ReportJSON {
  /// `value` as report JSON.
  package static func encode<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
  }

  /// `value` as report JSON text.
  package static func string<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try encode(value), as: UTF8.self)
  }
}
