import Crypto
import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// Writes a live BotHero account's knowledge documents out: each file byte for byte as
/// uploaded (read back with the contract's `GET /knowledge/:id/content`) under
/// `bothero/knowledge/BOT/NAME`, and a `KnowledgeDocument` manifest naming it, one per document
/// (`bothero/knowledge-documents/NAME.yaml`) or all in one with `--per-kind`.
struct BotHeroDocumentExporter: Sendable {
  let layout: ExportLayout
  /// Documents read at once.
  var parallelism = 8

  /// What was written and what was not.
  struct Result: Sendable {
    var files: [PlatformExport.File] = []
    var warnings: [String] = []
    var count = 0
  }

  func export(_ live: LiveState, provider: BotHeroProvider?) async throws -> Result {
    var result = Result()
    let documentKind = BotHeroKind.knowledgeDocument.addressKind
    let all = live.resources.filter { $0.address.kind == documentKind }
      .sorted { $0.address < $1.address }
    for name in BotHeroExporter.repeated(all) {
      result.warnings.append(
        "\(name) is on the platform more than once; only the first was exported: rename or "
          + "delete the others before applying")
    }
    let documents = BotHeroExporter.firsts(all)
    guard let provider, !documents.isEmpty else { return result }
    let contents = try await read(documents, with: provider)
    var paths = Set<String>()
    var naming = ExportNaming()
    var manifests: [String] = []
    var unreadable: [String] = []
    for (index, document) in documents.enumerated() {
      guard let (data, contentType) = contents[index] else {
        unreadable.append(document.address.name)
        continue
      }
      let bot = document.fields["bot"]?.stringValue ?? ""
      let relative = Self.unique(
        Self.safe(bot) + "/" + Self.filePath(document.address.name, contentType: contentType),
        in: &paths)
      result.files.append(.init(path: "bothero/knowledge/" + relative, data: data))
      let planned = document.fields["sha256"]?.stringValue ?? ""
      if Hex.string(SHA256.hash(data: data)) != planned {
        result.warnings.append(
          "\(document.address): the content read back does not match the sha256 the platform "
            + "lists (\(planned.prefix(12))…); it may have changed during the export: export again")
      }
      let reference = (layout.perKind ? "knowledge/" : "../knowledge/") + relative
      let text = Self.manifest(document, bot: bot, file: reference)
      if layout.perKind {
        manifests.append(text)
      } else {
        let name = naming.name(
          document.address.name, fallback: "document", in: documentKind)
        result.files.append(
          .init(path: "bothero/knowledge-documents/\(name).yaml", contents: text))
      }
      result.count += 1
    }
    if !manifests.isEmpty {
      result.files.append(
        .init(
          path: "bothero/knowledge-documents.yaml", contents: manifests.joined(separator: "---\n")))
    }
    if !unreadable.isEmpty {
      result.warnings.append(
        "\(unreadable.count) knowledge document\(unreadable.count == 1 ? " was" : "s were") not "
          + "exported (\(unreadable.prefix(3).joined(separator: ", "))"
          + (unreadable.count > 3 ? ", …" : "") + "): the platform gave no content for "
          + "them (GET /knowledge/ID/content answered 404); keep the files in the repository "
          + "and declare them with KnowledgeDocument or KnowledgeBase")
    }
    return result
  }

  /// Each document's content and content type by index; `nil` where the platform has none
  /// (404). Any other failure ends the export.
  func read(_ documents: [LiveResource], with provider: BotHeroProvider) async throws
    -> [Int: (Data, String?)]
  {
    try await withThrowingTaskGroup(of: (Int, (Data, String?)?).self) { group in
      var pending = documents.enumerated().makeIterator()
      func start() {
        guard let (index, document) = pending.next() else { return }
        group.addTask {
          do {
            let read = try await provider.documentContent(id: document.id)
            return (index, (read.content, read.contentType))
          } catch let error as ProviderError where error.status == 404 {
            return (index, nil)
          }
        }
      }
      for _ in 0..<max(1, parallelism) { start() }
      var contents: [Int: (Data, String?)] = [:]
      while let (index, content) = try await group.next() {
        contents[index] = content
        start()
      }
      return contents
    }
  }

  static func manifest(_ document: LiveResource, bot: String, file: String) -> String {
    [
      "apiVersion: bothero/v1", "kind: KnowledgeDocument", "metadata:",
      "  name: \(ExportYAML.scalar(document.address.name))", "spec:",
      "  bot: \(ExportYAML.scalar(bot))", "  file: \(ExportYAML.scalar(file))",
    ].joined(separator: "\n") + "\n"
  }

  /// A relative path for the document `name` (`policies/returns.md`): each part made safe, and
  /// an extension BotHero accepts, from the content type when the name has none.
  static func filePath(_ name: String, contentType: String?) -> String {
    var path = safe(name)
    let fileExtension = (path as NSString).pathExtension.lowercased()
    if !KnowledgeFiles.extensions.contains(fileExtension) {
      let type = contentType?.split(separator: ";").first.map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      }
      let extensions = [
        "text/markdown": "md", "text/csv": "csv", "application/json": "json", "text/html": "html",
      ]
      path += "." + (type.flatMap { extensions[$0] } ?? "txt")
    }
    return path
  }

  /// `text` as a relative path inside the export: `/`-separated parts, none empty, `.` or
  /// `..`, none hidden, only letters, digits, `.`, `_` and `-`.
  static func safe(_ text: String) -> String {
    let parts = text.split(separator: "/").compactMap { part -> String? in
      let cleaned = String(
        part.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "-" })
      if cleaned.allSatisfy({ $0 == "." }) { return nil }
      return cleaned.hasPrefix(".") ? "_" + cleaned.dropFirst() : cleaned
    }
    return parts.isEmpty ? "document" : parts.joined(separator: "/")
  }

  /// `path`, or `path` with a number before its extension when it is already taken.
  static func unique(_ path: String, in taken: inout Set<String>) -> String {
    if taken.insert(path).inserted { return path }
    let base = (path as NSString).deletingPathExtension
    let fileExtension = (path as NSString).pathExtension
    var number = 2
    while true {
      let candidate = base + "-\(number)" + (fileExtension.isEmpty ? "" : "." + fileExtension)
      if taken.insert(candidate).inserted { return candidate }
      number += 1
    }
  }
}
