import Foundation

/// The JSON Schema validator `check-jsonschema` (from PyPI), which the test suite requires.
///
/// Every test that validates with it goes through here, so its absence is reported the same
/// way everywhere: as a failure naming the command that installs it, never as a skip.
public enum CheckJSONSchema {
  /// `check-jsonschema` is not on `PATH` nor in `~/.local/bin`.
  public struct Missing: Error, CustomStringConvertible {
    public var description: String {
      "check-jsonschema is not installed, and the tests need it: run "
        + "`python3 -m pip install check-jsonschema` (or `scripts/check-deps --test-tools`)"
    }
  }

  /// The validator's path, or `nil` when it is not installed.
  public static let path: String? = {
    let environment = ProcessInfo.processInfo.environment
    let candidates =
      (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/check-jsonschema" }
      + [NSHomeDirectory() + "/.local/bin/check-jsonschema"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Runs the validator on `files` against `schema`; its exit status and output.
  ///
  /// - Throws: `Missing` when the validator is not installed.
  public static func run(
    schema: URL, files: [String], arguments: [String] = [], discardErrors: Bool = false
  ) async throws -> ChildProcess.Result {
    guard let path else { throw Missing() }
    return try await ChildProcess.run(
      [path, "--schemafile", schema.path] + arguments + files, discardErrors: discardErrors)
  }

  /// Validates JSON text against `schema`; its exit status and output.
  public static func validate(json: String, schema: URL) async throws -> ChildProcess.Result {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-schema-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let instance = directory.appendingPathComponent("instance.json")
    try Data(json.utf8).write(to: instance)
    return try await run(schema: schema, files: [instance.path])
  }
}
