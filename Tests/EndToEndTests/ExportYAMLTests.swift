import Foundation
import HehoManifest
import PlatformKit
import PlatformRegistry
import Testing

@testable import HeHoProvider
@testable import PlatformKit

@Suite struct ExportYAMLTests {
  static let awkward = [
    "plain words", "yes", "No", "null", "~", "true", "123", "1e3", "0x1F", ".inf", "-dash",
    "key: value", "trailing colon:", "has # hash", "#start", "quote \" inside", "it's",
    "back\\slash", "line\nbreak", "tab\there", "  padded  ", "${var.model}", "$${kept}",
    "émoji 🤖 ünïcode", "[flow]", "{map}", "a, b", "@at", "`tick`", "%percent", "*star", "&amp",
    "!bang", "|pipe", ">fold", "?q", "../prompts/x.md",
  ]

  @Test(arguments: awkward)
  func scalarsReadBackUnchanged(text: String) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-yaml-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let printable = !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    let name = printable ? "bot " + text : "bot"
    let document = """
      apiVersion: heho/v1
      kind: Chatbot
      metadata:
        name: \(ExportYAML.scalar(name))
      spec:
        goal: \(ExportYAML.scalar(text, interpolated: true))
        description: \(ExportYAML.scalar(String(repeating: "d", count: 200), interpolated: true))
        model: m

      """
    try Data(document.utf8).write(to: directory.appendingPathComponent("bot.yaml"))
    let result = ManifestLoader(registry: PlatformRegistry.standard.kindRegistry).load(
      LoadOptions(path: directory.path))
    let state = try #require(result.state, "\(result.diagnostics.map(\.description))")
    let bot = try #require(state.resources.first)
    #expect(bot.name == name)
    #expect(bot.spec["goal"] == .string(text))
  }
}
