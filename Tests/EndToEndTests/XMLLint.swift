import Foundation
import HehoTestSupport

/// The XML Schema validator `xmllint` (Debian's libxml2-utils), which the test suite requires.
///
/// Its absence fails the tests that need it, naming the package that brings it, like a
/// missing check-jsonschema: a JUnit report the suite could not check is never a pass.
enum XMLLint {
  /// `xmllint` is not installed.
  struct Missing: Error, CustomStringConvertible {
    var description: String {
      "xmllint is not installed, and the tests need it: run `apt-get install libxml2-utils` "
        + "(or `scripts/check-deps --test-tools`)"
    }
  }

  /// The validator's path, or `nil` when it is not installed.
  static let path: String? = {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    let candidates = directories.map { "\($0)/xmllint" } + ["/usr/bin/xmllint"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Validates `xml` against the XML Schema at `schema`; xmllint's exit status and output.
  ///
  /// - Throws: `Missing` when xmllint is not installed.
  static func validate(xml: String, schema: URL) async throws -> ChildProcess.Result {
    guard let path else { throw Missing() }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-xsd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let document = directory.appendingPathComponent("report.xml")
    try Data(xml.utf8).write(to: document)
    return try await ChildProcess.run([path, "--noout", "--schema", schema.path, document.path])
  }
}
