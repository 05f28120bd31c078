import Foundation
import HehoManifest
import HehoTestSupport
import PlatformKit
import PlatformRegistry
import Testing

/// The JSON Schemas and the loader accept and reject the same documents, checked with the real
/// validator `check-jsonschema`.
@Suite("JSON Schemas agree with the loader")
struct SchemaAgreementTests {
  @Test func generatedSchemasAreCommitted() throws {
    let directory = Fixtures.repositoryRoot.appendingPathComponent("schemas")
    let update = ProcessInfo.processInfo.environment["HEHO_UPDATE_SCHEMAS"] == "1"
    for (name, text) in JSONSchemaGenerator(registry: PlatformRegistry.standard.kindRegistry)
      .files().sorted(by: { $0.key < $1.key })
    {
      let url = directory.appendingPathComponent(name)
      if update { try Data(text.utf8).write(to: url) }
      let committed = try? String(contentsOf: url, encoding: .utf8)
      #expect(
        committed == text,
        "schemas/\(name) is stale: run HEHO_UPDATE_SCHEMAS=1 swift test --filter SchemaAgreement")
    }
  }

  @Test func checkJSONSchemaAgreesOnExamplesAndCorpus() async throws {
    let workspace = try TemporaryManifests([:])
    var expected: [String: (valid: Bool, label: String)] = [:]
    var index = 0
    let examples = Fixtures.repositoryRoot.appendingPathComponent("examples")
    // Hidden entries are skipped as the loader skips them (examples/ci/.github holds a CI
    // workflow, not a manifest).
    let enumerator = FileManager.default.enumerator(
      at: examples, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
    while let url = enumerator?.nextObject() as? URL {
      guard ["yaml", "yml"].contains(url.pathExtension) else { continue }
      let text = try String(contentsOf: url, encoding: .utf8)
      // A YAML data file (a list of rows a TableData reads) is not a manifest.
      if text.hasPrefix("- ") { continue }
      for document in text.components(separatedBy: "\n---\n") {
        index += 1
        let name = "doc\(index).yaml"
        try workspace.write(name, Data(document.utf8))
        expected[workspace.url.appendingPathComponent(name).path] = (true, url.path)
      }
    }
    for corpus in CorpusCase.all() {
      index += 1
      let name = "doc\(index).yaml"
      try workspace.write(name, try Data(contentsOf: corpus.url))
      expected[workspace.url.appendingPathComponent(name).path] = (
        corpus.schemaValid, corpus.description
      )
    }
    let failing = try await runValidator(files: expected.keys.sorted())
    for (path, entry) in expected.sorted(by: { $0.key < $1.key }) {
      #expect(
        failing.contains(path) != entry.valid,
        "\(entry.label): the loader says \(entry.valid ? "valid" : "invalid") but check-jsonschema disagrees"
      )
    }
  }

  /// Runs check-jsonschema once; returns the files it rejects.
  func runValidator(files: [String]) async throws -> Set<String> {
    let schema = Fixtures.repositoryRoot.appendingPathComponent("schemas/manifest.schema.json")
    let result = try await CheckJSONSchema.run(
      schema: schema, files: files, arguments: ["-o", "json"], discardErrors: true)
    let data = result.output
    let report = try #require(
      try JSONSerialization.jsonObject(with: data) as? [String: Any],
      "check-jsonschema printed no JSON: \(String(decoding: data, as: UTF8.self))")
    var failing = Set<String>()
    for key in ["errors", "parse_errors"] {
      for item in report[key] as? [[String: Any]] ?? [] {
        if let file = item["filename"] as? String { failing.insert(file) }
      }
    }
    return failing
  }
}
