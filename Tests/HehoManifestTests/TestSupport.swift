import Foundation
import HehoManifest
import PlatformKit
import PlatformRegistry
import Testing

/// A temporary directory of files for one test, removed when the value is released.
final class TemporaryManifests {
  let url: URL

  init(_ files: [String: String]) throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-manifest-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, text) in files { try write(name, Data(text.utf8)) }
  }

  func write(_ name: String, _ data: Data) throws {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
  }

  var path: String { url.path }

  func load(
    environment: String? = nil, variables: [String: String] = [:],
    processEnvironment: [String: String] = [:], path: String? = nil
  ) -> LoadResult {
    ManifestLoader(registry: PlatformRegistry.standard.kindRegistry).load(
      LoadOptions(
        path: path.map { url.appendingPathComponent($0).path } ?? url.path,
        environment: environment, variables: variables, processEnvironment: processEnvironment))
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }
}

enum Fixtures {
  /// The repository's root, found from this file's path.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Corpus")

  static let longDescription = String(
    repeating: "This assistant answers questions about products politely. ", count: 5)

  static func table(
    _ name: String, columns: String = "    - { name: id, type: uuid, primaryKey: true }"
  )
    -> String
  {
    """
    apiVersion: heho/v1
    kind: Table
    metadata:
      name: \(name)
    spec:
      columns:
    \(columns)

    """
  }

  static func chatbot(
    _ name: String, model: String = "qwen/qwen3-next-80b-a3b-instruct:free",
    extra: String = ""
  ) -> String {
    """
    apiVersion: heho/v1
    kind: Chatbot
    metadata:
      name: \(name)
    spec:
      goal: Customer Support
      description: \(longDescription)
      model: \(model)
    \(extra)
    """
  }

  static func permission(_ name: String, chatbot: String, table: String) -> String {
    """
    apiVersion: heho/v1
    kind: Permission
    metadata:
      name: \(name)
    spec:
      chatbot: \(chatbot)
      table: \(table)
      read: true

    """
  }

  static func documents(_ parts: String...) -> String {
    parts.joined(separator: "---\n")
  }
}

extension LoadResult {
  var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  var messages: String { diagnostics.map(\.description).joined(separator: "\n") }

  /// Expects a message containing `text`; a failure lists every message, to show what was
  /// said instead.
  func expectMessage(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(messages.contains(text), "\(messages)", sourceLocation: sourceLocation)
  }

  /// Expects exactly one error, and a message containing `text`; a failure lists every message.
  func expectOneError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(errors.count == 1, "\(messages)", sourceLocation: sourceLocation)
    expectMessage(text, sourceLocation: sourceLocation)
  }
}
