import Foundation

/// The verdicts of one `heho test --output json` run, as lines that compare exactly: the exit
/// code, each test's status, and each check's status in each run and turn
/// (`helpdesk-lead run 1 turn 2 leadCaptured: passed`). Replies and details are left out: a
/// verdict is what must not depend on faults.
struct ConversationVerdicts: Sendable, Equatable, CustomStringConvertible {
  var lines: [String]

  /// The verdicts of a report, or why the output is not one.
  static func read(exitCode: Int32, json: String) -> Result<ConversationVerdicts, ReadError> {
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
      let tests = object["tests"] as? [[String: Any]]
    else {
      return .failure(ReadError(description: "the output is not a JSON test report"))
    }
    var lines = ["exit code \(exitCode)"]
    for test in tests {
      let name = test["name"] as? String ?? "?"
      lines.append("\(name): \(test["status"] as? String ?? "?")")
      for run in test["runs"] as? [[String: Any]] ?? [] {
        let number = run["run"] as? Int ?? 0
        lines.append("\(name) run \(number): \(run["status"] as? String ?? "?")")
        for turn in run["turns"] as? [[String: Any]] ?? [] {
          let prefix = "\(name) run \(number) turn \(turn["turn"] as? Int ?? 0)"
          for check in turn["checks"] as? [[String: Any]] ?? [] {
            lines.append(
              "\(prefix) \(check["check"] as? String ?? "?"): \(check["status"] as? String ?? "?")")
          }
        }
      }
    }
    return .success(ConversationVerdicts(lines: lines))
  }

  /// The lines that differ from `reference`: each as `expected … got …`, empty when equal.
  func differences(from reference: ConversationVerdicts) -> [String] {
    let mine = Set(lines)
    let theirs = Set(reference.lines)
    return reference.lines.filter { !mine.contains($0) }.map { "expected \($0)" }
      + lines.filter { !theirs.contains($0) }.map { "got \($0)" }
  }

  /// How many checks the verdicts hold.
  var checks: Int { lines.filter { $0.contains(" turn ") }.count }

  var description: String { lines.joined(separator: "\n") }

  /// The output of a run could not be read as a report.
  struct ReadError: Error, CustomStringConvertible {
    var description: String
  }
}
