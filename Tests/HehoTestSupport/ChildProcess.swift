import Foundation

/// Runs programs for tests without holding up Swift's cooperative thread pool.
///
/// Waiting for a child process blocks its thread. On the cooperative pool (as many threads as
/// cores) two such waits stall every task in the test process, in-process servers included,
/// so requests to them time out. The wait happens on a Dispatch thread instead.
public enum ChildProcess {
  /// What a finished program left.
  public struct Result: Sendable {
    /// The exit status.
    public var status: Int32
    /// Standard output, and standard error unless it was discarded.
    public var output: Data

    /// The output as text.
    public var text: String { String(decoding: output, as: UTF8.self) }
  }

  /// Runs `arguments` through `/usr/bin/env` (so the program is found on `PATH`).
  /// - Parameter discardErrors: send standard error to `/dev/null` instead of the output.
  public static func run(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
    discardErrors: Bool = false
  ) async throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = discardErrors ? FileHandle.nullDevice : output
    try process.run()
    return await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        // Read to the end before waiting, so a full pipe never blocks the child.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        continuation.resume(returning: Result(status: process.terminationStatus, output: data))
      }
    }
  }
}
