import ArgumentParser
import Foundation

/// BotHero's options of `heho local serve`, shown in its help under "BotHero".
package struct BotHeroServeOptions: ParsableArguments {
  @Option(
    name: .customLong("allow-webhook-hosts"),
    help: "Hosts, comma-separated, that webhook deliveries may go to besides loopback.")
  var allowWebhookHosts: String?

  /// Creates the options with their defaults (for parsing).
  package init() {}

  /// The settings the options give BotHero's part of the local platform.
  package var settings: BotHeroLocalSettings {
    BotHeroLocalSettings(
      allowedWebhookHosts: (allowWebhookHosts ?? "").split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty })
  }
}
