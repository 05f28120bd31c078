import Foundation
import HehoManifest
import PlatformKit

/// `kind: KnowledgeBase` (`bothero/v1`): a folder of files a bot answers from, one document per
/// file that matches `include`, each named by its path relative to the folder.
public struct KnowledgeBaseKind: ManifestKind {
  /// Creates the kind.
  public init() {}

  public var name: String { BotHeroKind.knowledgeBase.rawValue }
  public var summary: String { "A folder of files a BotHero bot answers from, one document each." }
  public var nameSchema: FieldSchema { NamePatterns.resourceName("knowledge base name") }

  public var specSchema: FieldSchema {
    var include = FieldSchema(
      .array(
        FieldSchema.string("a glob: * and ? within a name, ** across folders", interpolated: false)),
      summary: "the files to include, as globs relative to the directory", label: "include",
      minItems: 1)
    include.interpolated = false
    return .object(
      "KnowledgeBase spec",
      [
        .init("bot", required: true, NamePatterns.required("bot", "the bot it informs")),
        .init(
          "directory", required: true,
          FieldSchema(
            .string, summary: "the folder, relative to this manifest", label: "directory",
            minLength: 1, interpolated: false)),
        .init("include", required: true, include),
      ])
  }

  public var referenceFields: [(field: String, kind: String)] {
    [("bot", BotHeroKind.bot.rawValue)]
  }

  /// Expands the folder now: every matching file is checked (a positioned error names a file
  /// BotHero would refuse) and listed, with its full path, for the provider.
  public func resolve(_ draft: inout ResourceDraft, diagnostics: inout [Diagnostic]) {
    guard let directory = draft.spec["directory"]?.stringValue else { return }
    let patterns = draft.spec["include"]?.arrayValue?.compactMap(\.stringValue) ?? []
    let root = URL(
      fileURLWithPath: directory, relativeTo: draft.fileURL.deletingLastPathComponent()
    ).standardizedFileURL.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      diagnostics.append(
        Diagnostic(
          .error, "\(draft.label): directory '\(directory)' does not exist or is not a folder",
          at: draft.valueLocation("directory")))
      return
    }
    let files = KnowledgeFiles.expand(root, include: patterns)
    guard !files.isEmpty else {
      diagnostics.append(
        Diagnostic(
          .error,
          "\(draft.label): include matches no file in '\(directory)' "
            + "(patterns: \(patterns.joined(separator: ", ")))",
          at: draft.valueLocation("include")))
      return
    }
    var listed: [Value] = []
    for file in files {
      let path = root + "/" + file
      if let problem = KnowledgeFiles.problem(at: path, shownAs: directory + "/" + file) {
        diagnostics.append(
          Diagnostic(.error, "\(draft.label): \(problem)", at: draft.valueLocation("include")))
        continue
      }
      listed.append(.object(["name": .string(file), "path": .string(path)]))
    }
    draft.spec["files"] = .array(listed)
  }
}
