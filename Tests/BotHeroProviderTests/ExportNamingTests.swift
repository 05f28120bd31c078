import HehoEngine
import HehoManifest
import PlatformKit
import Testing

@testable import BotHeroProvider

/// The one collision-safe naming every exporter uses: slugs that the manifests accept, and a
/// `-2` suffix when two live names give the same slug, so no exported file overwrites another.
@Suite struct ExportNamingTests {
  @Test(
    arguments: [
      ("Lead Qualifier: EU/US", "x", "lead-qualifier-eu-us"),
      ("🤖", "chatbot", "chatbot"),
      ("..Hidden..", "x", "hidden"),
      ("Support!", "bot", "support"),
      ("Support?", "bot", "support"),
      ("orders_2026.v1", "table", "orders_2026.v1"),
      ("räksmörgås", "bot", "r-ksm-rg-s"),
    ])
  func namesBecomeValidSlugs(text: String, fallback: String, slug: String) {
    #expect(ExportNaming.slug(text, fallback: fallback) == slug)
  }

  @Test func aSlugIsAtMostTwoHundredCharacters() {
    #expect(ExportNaming.slug(String(repeating: "a", count: 300), fallback: "x").count == 200)
  }

  @Test func aTakenNameGetsANumberWithinItsSpaceIgnoringCase() {
    var naming = ExportNaming()
    #expect(naming.unique("bot", in: "chatbot") == "bot")
    #expect(naming.unique("BOT", in: "chatbot") == "BOT-2")
    #expect(naming.unique("bot", in: "chatbot") == "bot-3")
    #expect(naming.unique("bot", in: "table") == "bot")
    #expect(naming.name("Support!", fallback: "bot", in: "bot") == "support")
    #expect(naming.name("Support?", fallback: "bot", in: "bot") == "support-2")
    // A live name that is itself the numbered form does not take over the first one's file.
    #expect(naming.name("support-2", fallback: "bot", in: "bot") == "support-2-2")
  }

  static func bot(_ name: String) -> LiveResource {
    LiveResource(
      address: ResourceAddress(kind: "bot", name: name), id: "id-\(name)",
      fields: ["model": .string(BotKind.models[0])])
  }

  @Test func botsWhoseNamesGiveTheSameSlugGetAFileEach() throws {
    let live = LiveState(resources: [Self.bot("Support?"), Self.bot("Support!")], readsMade: 1)
    let export = BotHeroExporter(layout: ExportLayout()).export(live)
    #expect(
      export.files.map(\.path) == ["bothero/bots/support-2.yaml", "bothero/bots/support.yaml"])
    let first = try #require(export.files.first { $0.path == "bothero/bots/support.yaml" })
    #expect(first.contents.contains("Support!") && !first.contents.contains("Support?"))
    let second = try #require(export.files.first { $0.path == "bothero/bots/support-2.yaml" })
    #expect(second.contents.contains("Support?") && !second.contents.contains("Support!"))
  }
}
