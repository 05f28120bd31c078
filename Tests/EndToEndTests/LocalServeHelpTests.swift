import BotHeroLocalServer
import Foundation
import HehoTestSupport
import LocalServerKit
import PlatformRegistry
import Testing

/// `heho local serve --help`: each platform's own options are listed under its name.
@Suite("heho local serve help")
struct LocalServeHelpTests {
  @Test func botHerosOptionsAreListedUnderItsName() async throws {
    let help = await InProcessHeho.run(
      ["local", "serve", "--help"], environment: ProcessInfo.processInfo.environment)
    #expect(help.code == 0, "\(help.err)")
    let sections = Self.sections(of: help.out)
    let bothero = try #require(sections["BOTHERO"], "no BotHero section:\n\(help.out)")
    #expect(bothero.contains("--allow-webhook-hosts <allow-webhook-hosts>"), "\(help.out)")
    #expect(
      bothero.contains(
        "Hosts, comma-separated, that webhook deliveries may go to besides loopback."),
      "\(help.out)")
    // The options every platform shares stay in the command's own section.
    let shared = try #require(sections["OPTIONS"], "no OPTIONS section:\n\(help.out)")
    #expect(shared.contains("--rate-limit") && !shared.contains("--allow-webhook-hosts"))
  }

  /// The help's sections by their upper-case title (`OPTIONS`), each with its lines joined by
  /// single spaces, so wrapped help reads as written.
  static func sections(of help: String) -> [String: String] {
    var sections: [String: [String]] = [:]
    var title: String?
    for line in help.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      if line.hasSuffix(":"), line == line.uppercased(), !line.hasPrefix("-") {
        title = String(line.dropLast())
      } else if let title {
        sections[title, default: []].append(line)
      }
    }
    return sections.mapValues {
      $0.joined(separator: " ").split(separator: " ").joined(separator: " ")
    }
  }

  @Test func allowedWebhookHostsReachBotHerosSettings() throws {
    let options = try PlatformServeOptions.parse(["--allow-webhook-hosts", " a.test, ,b.test"])
    let configuration = LocalPlatformConfiguration(platformSettings: options.settings)
    let settings = configuration.settings(as: BotHeroLocalSettings.self)
    #expect(settings == BotHeroLocalSettings(allowedWebhookHosts: ["a.test", "b.test"]))
    let defaults = try PlatformServeOptions.parse([]).settings
    #expect(
      LocalPlatformConfiguration(platformSettings: defaults).settings(
        as: BotHeroLocalSettings.self) == BotHeroLocalSettings())
  }
}
