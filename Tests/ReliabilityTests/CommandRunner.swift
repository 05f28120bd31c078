import ArgumentParser
import Foundation
import HehoCLI

/// What a command run printed and how it ended.
struct RunResult: Sendable {
  var arguments: [String]
  var code: Int32
  var out: String
  var err: String

  var all: String { out + err }

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

/// Collects console output from concurrent writers.
final class Capture: @unchecked Sendable {
  private let lock = NSLock()
  private var outText = ""
  private var errText = ""

  func out(_ text: String) { lock.withLock { outText += text + "\n" } }
  func err(_ text: String) { lock.withLock { errText += text + "\n" } }
  var texts: (String, String) { lock.withLock { (outText, errText) } }
}

/// Runs the real `heho` command code in-process with a captured console and an injected
/// environment.
enum CommandRunner {
  static func run(_ arguments: [String], environment: [String: String]) async -> RunResult {
    let capture = Capture()
    let console = Console(out: capture.out, err: capture.err)
    let code: Int32 = await ConsoleContext.$current.withValue(console) {
      await ProcessEnvironment.$current.withValue(environment) {
        await HehoCommand.runInProcess(arguments)
      }
    }
    let (out, err) = capture.texts
    return RunResult(arguments: arguments, code: code, out: out, err: err)
  }
}
