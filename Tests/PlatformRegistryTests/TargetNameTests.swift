import Foundation
import Testing

/// Module names that differ only by letter case collide on a case-insensitive file system (in
/// `.build` and in the module cache), so no two targets' names may be equal ignoring case.
@Suite struct TargetNameTests {
  @Test func noTwoTargetsShareANameIgnoringCase() throws {
    let names = try PackageTargets.names()
    #expect(names.count >= 20, "the package description lists \(names.count) targets")
    #expect(names.contains("PlatformKit") && names.contains("HeHoProvider"))
    #expect(PackageTargets.caseCollisions(in: names) == [])
  }

  @Test func theCheckCatchesNamesThatDifferOnlyByCase() {
    let collisions = PackageTargets.caseCollisions(
      in: ["HehoPlatform", "HeHoPlatform", "HehoPlatforms", "HehoLocal", "HeHoLocal"])
    #expect(collisions == [["HeHoLocal", "HehoLocal"], ["HeHoPlatform", "HehoPlatform"]])
  }
}

/// The package's targets, as SwiftPM evaluates `Package.swift` (the platform list makes most
/// of them, so the file's text alone does not say).
enum PackageTargets {
  /// The package root: this file is `Tests/PlatformRegistryTests/TargetNameTests.swift`.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Every target name, from `swift package dump-package`. The command runs with its own
  /// scratch path so that it never waits on the lock of the build that runs these tests.
  static func names() throws -> [String] {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-dump-package-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "swift", "package", "--package-path", root.path, "--scratch-path", scratch.path,
      "dump-package",
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw PackageDumpError(
        "swift package dump-package exited \(process.terminationStatus) in \(root.path)")
    }
    struct Dump: Decodable {
      struct Target: Decodable { var name: String }
      var targets: [Target]
    }
    return try JSONDecoder().decode(Dump.self, from: data).targets.map(\.name)
  }

  /// Groups of two or more names equal ignoring case, each group sorted, groups in order.
  static func caseCollisions(in names: [String]) -> [[String]] {
    Dictionary(grouping: Set(names), by: { $0.lowercased() }).values
      .filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
  }
}

/// `swift package dump-package` failed; the message says where.
struct PackageDumpError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
