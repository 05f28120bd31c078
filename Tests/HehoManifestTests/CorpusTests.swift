import Foundation
import HehoManifest
import PlatformKit
import PlatformRegistry
import Testing

/// One corpus file: its verdicts and expected diagnostics (`# expect: LINE:COL message`).
struct CorpusCase: CustomStringConvertible, Sendable {
  var url: URL
  var valid: Bool
  /// Whether a JSON Schema accepts it (rules a schema cannot express make this differ).
  var schemaValid: Bool
  var expectations: [(line: Int, column: Int, message: String)]

  var description: String { "\(valid ? "valid" : "invalid")/\(url.lastPathComponent)" }

  static func all() -> [CorpusCase] {
    ["valid", "invalid"].flatMap { folder -> [CorpusCase] in
      let directory = Fixtures.corpus.appendingPathComponent(folder)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      return names.sorted().map { name in
        let url = directory.appendingPathComponent(name)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var expectations: [(Int, Int, String)] = []
        for line in text.split(separator: "\n") where line.hasPrefix("# expect: ") {
          let rest = line.dropFirst("# expect: ".count)
          let position = rest.prefix { $0 != " " }.split(separator: ":").compactMap { Int($0) }
          let message = String(rest.drop { $0 != " " }.dropFirst())
          if position.count == 2 { expectations.append((position[0], position[1], message)) }
        }
        let valid = folder == "valid"
        return CorpusCase(
          url: url, valid: valid, schemaValid: valid || text.contains("\n# schema-valid"),
          expectations: expectations)
      }
    }
  }
}

@Suite("Corpus of valid and invalid manifests")
struct CorpusTests {
  @Test(arguments: CorpusCase.all())
  func loaderVerdictAndDiagnostics(_ corpus: CorpusCase) {
    let result = ManifestLoader(registry: PlatformRegistry.standard.kindRegistry).load(
      LoadOptions(path: corpus.url.path))
    if corpus.valid {
      #expect(result.diagnostics.isEmpty, "\(result.messages)")
      #expect(result.state?.resources.count == 1)
      return
    }
    #expect(result.hasErrors)
    #expect(!corpus.expectations.isEmpty, "an invalid corpus file needs '# expect:' lines")
    for expected in corpus.expectations {
      let found = result.diagnostics.contains {
        $0.location?.line == expected.line && $0.location?.column == expected.column
          && $0.message.contains(expected.message)
      }
      #expect(
        found,
        "expected \(expected.line):\(expected.column) '\(expected.message)' in:\n\(result.messages)"
      )
    }
  }

  /// The parameterized tests above pass on an empty list: the corpus must be there to prove
  /// anything (a moved folder or an unreadable one would otherwise pass silently).
  @Test func theCorpusIsThere() {
    let cases = CorpusCase.all()
    #expect(
      cases.filter(\.valid).count >= 3, "valid corpus files missing in \(Fixtures.corpus.path)")
    #expect(
      cases.filter { !$0.valid }.count >= 20,
      "invalid corpus files missing in \(Fixtures.corpus.path)")
    #expect(cases.filter { !$0.valid }.allSatisfy { !$0.expectations.isEmpty })
  }

  @Test func everyDiagnosticIsPositioned() {
    for corpus in CorpusCase.all() {
      let result = ManifestLoader(registry: PlatformRegistry.standard.kindRegistry).load(
        LoadOptions(path: corpus.url.path))
      #expect(result.diagnostics.allSatisfy { $0.location != nil }, "\(corpus)")
    }
  }
}
