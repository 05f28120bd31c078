import Foundation
import HehoEngine

/// Reads a plan saved with `heho plan --out FILE` (apply, `heho test --affected`).
enum SavedPlan {
  /// The plan in `path`; a file that cannot be read or is not a plan is a reported error.
  static func read(_ path: String) throws -> Plan {
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      return try PlanCodec.decode(data, source: path)
    } catch let error as PlanFileError {
      throw CommandFailure.report(error.message)
    } catch {
      throw CommandFailure.report(
        "cannot read the plan file \(path): \(error.localizedDescription)")
    }
  }
}
