import Foundation
import PlatformKit
import Testing

@testable import BotHeroProvider

/// Paths that document names (the platform's text) give in an export: never outside it.
@Suite struct DocumentExportPathTests {
  @Test(
    arguments: [
      ("policies/returns.md", "text/markdown", "policies/returns.md"),
      ("../../etc/passwd", "text/plain", "etc/passwd.txt"),
      ("/abs/notes.txt", nil, "abs/notes.txt"),
      ("./.hidden.md", "text/markdown", "_hidden.md"),
      ("price list", "text/csv; charset=utf-8", "price-list.csv"),
      ("..", "application/json", "document.json"),
      ("räksmörgås.md", "text/markdown", "r-ksm-rg-s.md"),
    ] as [(String, String?, String)])
  func namesBecomeSafeRelativePaths(name: String, type: String?, path: String) {
    #expect(BotHeroDocumentExporter.filePath(name, contentType: type) == path)
  }

  @Test func takenPathsGetANumber() {
    var taken: Set<String> = []
    #expect(BotHeroDocumentExporter.unique("a/b.md", in: &taken) == "a/b.md")
    #expect(BotHeroDocumentExporter.unique("a/b.md", in: &taken) == "a/b-2.md")
    #expect(BotHeroDocumentExporter.unique("a/b.md", in: &taken) == "a/b-3.md")
  }

  @Test func theWriterRefusesAPathOutsideTheDirectory() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-export-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(throws: ExportWriteError.self) {
      try ExportWriter().write(
        [PlatformExport.File(path: "../escaped.md", contents: "x")], to: directory)
    }
    let escaped = directory.deletingLastPathComponent().appendingPathComponent("escaped.md")
    #expect(!FileManager.default.fileExists(atPath: escaped.path))
  }
}
