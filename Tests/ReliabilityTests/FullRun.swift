import Foundation

/// What a whole run (`scripts/test`, which sets `HEHO_FULL_RUN=1`) requires of the seeded
/// suites, checked again here so that an edited script or a stray variable cannot weaken it:
/// each suite runs at least its floor of scenarios, from the first seed, and no variable that
/// reruns one seed is set.
enum FullRun {
  /// The least scenario count of each suite in a whole run, by its count variable.
  static let floors = [
    "HEHO_RELIABILITY_SCENARIOS": 1_000, "HEHO_BOTHERO_SCENARIOS": 100,
    "HEHO_TABLEDATA_SCENARIOS": 60, "HEHO_MIGRATION_SCENARIOS": 200,
    "HEHO_FUZZ_MUTATIONS": 2_000, "HEHO_CONVERSATION_SCENARIOS": 100,
  ]

  /// Whether this is a whole run.
  static func isOn(_ environment: [String: String]) -> Bool {
    environment["HEHO_FULL_RUN"] == "1"
  }

  /// Why `count` scenarios of the suite counted by `variable` are too few for a whole run, or
  /// why a seed variable makes it prove less; `nil` when the run may go on (or is not whole).
  static func problem(
    _ variable: String, count: Int, in environment: [String: String]
  ) -> String? {
    guard isOn(environment) else { return nil }
    let seeds = environment.keys.filter { $0.hasPrefix("HEHO_") && $0.hasSuffix("SEED") }
    if !seeds.isEmpty {
      return "HEHO_FULL_RUN=1 with \(seeds.sorted().joined(separator: ", ")) set: a whole run "
        + "starts at the first seed and runs every scenario; unset them"
    }
    if let floor = floors[variable], count < floor {
      return "HEHO_FULL_RUN=1 with \(variable)=\(count): a whole run needs at least \(floor)"
    }
    return nil
  }

  /// The count `variable` asks for, `fallback` when it is not set; a value that is not a whole
  /// number is an error, never a fallback.
  static func count(
    _ variable: String, fallback: Int, in environment: [String: String]
  ) throws -> Int {
    guard let text = environment[variable] else { return fallback }
    guard let count = Int(text), count >= 0 else {
      throw FullRunError(
        description: "\(variable)=\(text) is not a number of scenarios (write a whole number)")
    }
    return count
  }
}

/// A scenario count or seed the run refuses.
struct FullRunError: Error, CustomStringConvertible {
  var description: String
}
