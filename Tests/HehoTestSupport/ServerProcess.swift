import Foundation
import Synchronization

/// A long-running program started for a test (a server), whose output is read line by line
/// while it runs, and which is stopped with a signal.
public final class ServerProcess: Sendable {
  private let process: Process
  private let lines = LineBuffer()

  /// Starts `arguments[0]` with the rest as its arguments; standard error joins the output.
  /// With `closedOutput`, standard output is a pipe whose reading end is closed at once, so
  /// every write to it fails (standard error is still read).
  public init(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
    closedOutput: Bool = false
  ) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: arguments[0])
    process.arguments = Array(arguments.dropFirst())
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let pipe = Pipe()
    let closed = Pipe()
    process.standardOutput = closedOutput ? closed : pipe
    process.standardError = pipe
    self.process = process
    let handle = pipe.fileHandleForReading
    let lines = self.lines
    let reader = Thread {
      var pending = Data()
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        pending.append(chunk)
        while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
          let line = String(decoding: pending[pending.startIndex..<end], as: UTF8.self)
          pending.removeSubrange(pending.startIndex...end)
          lines.append(line)
        }
      }
    }
    try process.run()
    if closedOutput { try closed.fileHandleForReading.close() }
    reader.start()
  }

  /// Every line printed so far.
  public var output: [String] { lines.all }

  /// Waits until a printed line satisfies `match` and returns it; `nil` after `seconds`, or
  /// when the program exits first.
  public func waitForLine(
    seconds: Double = 30, where match: @Sendable (String) -> Bool
  ) async throws -> String? {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
      if let line = output.first(where: match) { return line }
      if !process.isRunning { return output.first(where: match) }
      try await Task.sleep(for: .milliseconds(20))
    }
    return nil
  }

  /// Sends `signal` to the program.
  public func send(_ signal: Int32) {
    if process.isRunning { kill(process.processIdentifier, signal) }
  }

  /// Waits for the program to exit on its own; its exit status, or `nil` if it is still
  /// running after `seconds` (it is then killed).
  public func waitForExit(seconds: Double = 30) async throws -> Int32? {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while process.isRunning && ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(20))
    }
    guard !process.isRunning else {
      kill(process.processIdentifier, SIGKILL)
      return nil
    }
    return process.terminationStatus
  }

  /// Whether a signal (not an exit) ended the program, and which: `nil` while it runs or when
  /// it exited by itself.
  public var terminatingSignal: Int32? {
    guard !process.isRunning, process.terminationReason == .uncaughtSignal else { return nil }
    return process.terminationStatus
  }

  /// Sends `SIGINT` and waits for the program to exit; its exit status, or `nil` if it is still
  /// running after `seconds` (it is then killed).
  public func interrupt(waitingAtMost seconds: Double = 20) async throws -> Int32? {
    send(SIGINT)
    return try await waitForExit(seconds: seconds)
  }
}

/// Lines read from a program, shared between its reader thread and the test.
final class LineBuffer: Sendable {
  private let lines = Mutex<[String]>([])

  func append(_ line: String) { lines.withLock { $0.append(line) } }

  var all: [String] { lines.withLock { $0 } }
}
