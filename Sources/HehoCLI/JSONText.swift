import Foundation

/// Pretty, key-sorted JSON for the command line's machine-readable outputs.
enum JSONText {
  /// `value` as JSON text; a failure to encode is a reported error (exit 1), never `{}`.
  static func encode<T: Encodable>(_ value: T, what: String) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self)
    } catch {
      throw CommandFailure.report("cannot write \(what) as JSON: \(error)")
    }
  }
}
