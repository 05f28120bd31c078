import Foundation
import HehoManifest

/// Pretty, key-sorted JSON for the command line's machine-readable outputs.
enum JSONText {
  /// `value` as JSON text; a failure to encode is a reported error (exit 1), never `{}`.
  static func encode<T: Encodable>(_ value: T, what: String) throws -> String {
    do {
      return try ReportJSON.string(value)
    } catch {
      throw CommandFailure.report("cannot write \(what) as JSON: \(error)")
    }
  }
}
