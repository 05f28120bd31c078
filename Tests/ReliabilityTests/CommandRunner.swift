import ArgumentParser
import Foundation
import HehoCLI
import HehoTestSupport

/// What a command run printed and how it ended.
typealias RunResult = CommandResult

extension CommandResult {
  /// The apply summary line's counts (`created`, `replaced`, …), when there is one.
  var summary: [String: Int]? {
    guard
      let line = out.split(separator: "\n").last(where: { line in
        [
          "Apply complete:", "Apply finished with errors:", "Apply finished with differences:",
          "Apply interrupted:",
        ].contains { line.hasPrefix($0) }
      }), let colon = line.firstIndex(of: ":")
    else { return nil }
    var counts: [String: Int] = [:]
    for part in line[line.index(after: colon)...].split(separator: ",") {
      let words = part.trimmingCharacters(in: CharacterSet(charactersIn: " .")).split(
        separator: " ")
      if words.count == 2, let number = Int(words[0]) { counts[String(words[1])] = number }
    }
    return counts
  }

  /// `(action, address)` of every step the progress marked done (`✓ create table/x`).
  var stepsDone: [(action: String, address: String)] { steps(marked: "✓") }

  /// `(action, address)` of every step the progress marked failed (`✗ create table/x`): its
  /// write may still have landed (an answer lost, then a look-up that failed too).
  var stepsFailed: [(action: String, address: String)] { steps(marked: "✗") }

  func steps(marked mark: Substring) -> [(action: String, address: String)] {
    out.split(separator: "\n").compactMap { line in
      let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
      guard words.count >= 3, words[0] == mark else { return nil }
      return (String(words[1]), String(words[2]))
    }
  }
}

/// Runs the real `heho` command code in-process with a captured console and an injected
/// environment.
enum CommandRunner {
  static func run(_ arguments: [String], environment: [String: String]) async -> RunResult {
    await InProcessHeho.run(arguments, environment: environment)
  }
}
