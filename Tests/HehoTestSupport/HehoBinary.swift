import Foundation

/// The `heho` executable that the build put beside the tests, for tests that run the real
/// command line as a separate process.
///
/// It is found next to the running test bundle, so any build path works (`.build/debug`, a
/// `--scratch-path`, a release build). `scripts/test` builds it and sets `HEHO_REQUIRE_BINARY=1`:
/// then a missing binary is a failure, never a skipped test.
public enum HehoBinary {
  /// The binary is required but missing.
  public struct Missing: Error, CustomStringConvertible {
    public var searched: [String]

    public var description: String {
      "no built heho executable (looked at \(searched.joined(separator: ", "))); build it with "
        + "`swift build --product heho`, or run the tests with scripts/test"
    }
  }

  /// Where the binary may be: beside the test bundle, then the default debug build.
  public static let candidates: [String] = {
    var directories: [URL] = []
    let bundle = Bundle.main.bundleURL
    directories.append(bundle.deletingLastPathComponent())
    directories.append(bundle)
    if let executable = Bundle.main.executableURL {
      directories.append(executable.deletingLastPathComponent())
      directories.append(executable.deletingLastPathComponent().deletingLastPathComponent())
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    directories.append(root.appendingPathComponent(".build/debug"))
    var seen: Set<String> = []
    return directories.map { $0.appendingPathComponent("heho").standardizedFileURL.path }
      .filter { seen.insert($0).inserted }
  }()

  /// The binary's path, or `nil` when it was not built.
  public static let path: String? = candidates.first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Whether the test run promises a built binary (`HEHO_REQUIRE_BINARY=1`, set by scripts/test).
  public static var isRequired: Bool {
    ProcessInfo.processInfo.environment["HEHO_REQUIRE_BINARY"] == "1"
  }

  /// Whether tests that need the binary should run: it is there, or it must be.
  public static var shouldTest: Bool { path != nil || isRequired }

  /// The binary's path; `Missing` when it was not built.
  public static func require() throws -> String {
    guard let path else { throw Missing(searched: candidates) }
    return path
  }
}
