import Foundation
import HehoManifest
import PlatformKit

/// `kind: KnowledgeDocument` (`bothero/v1`): one file a bot answers from.
public struct KnowledgeDocumentKind: ManifestKind {
  /// Creates the kind.
  public init() {}

  public var name: String { BotHeroKind.knowledgeDocument.rawValue }
  public var summary: String { "A file a BotHero bot answers from." }
  public var nameSchema: FieldSchema { NamePatterns.displayName("document name") }

  public var specSchema: FieldSchema {
    .object(
      "KnowledgeDocument spec",
      [
        .init("bot", required: true, NamePatterns.required("bot", "the bot it informs")),
        .init(
          "file", required: true,
          FieldSchema(
            .string, summary: "the file, relative to this manifest (.md, .txt, .csv, .json, .html)",
            label: "file", minLength: 1, interpolated: false)),
      ])
  }

  public var referenceFields: [(field: String, kind: String)] {
    [("bot", BotHeroKind.bot.rawValue)]
  }

  /// Checks the file now, so that a wrong one is a positioned error before anything is sent,
  /// and records its full path for the provider.
  public func resolve(_ draft: inout ResourceDraft, diagnostics: inout [Diagnostic]) {
    guard let file = draft.spec["file"]?.stringValue else { return }
    let path = URL(fileURLWithPath: file, relativeTo: draft.fileURL.deletingLastPathComponent())
      .standardizedFileURL.path
    if let problem = KnowledgeFiles.problem(at: path, shownAs: file) {
      diagnostics.append(
        Diagnostic(.error, "\(draft.label): file \(problem)", at: draft.valueLocation("file")))
      return
    }
    draft.spec["path"] = .string(path)
  }
}
