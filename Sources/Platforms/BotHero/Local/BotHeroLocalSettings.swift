import LocalServerKit

/// BotHero's own settings of the local platform: where and how often its webhook deliveries
/// go. `heho local serve` parses them from `BotHeroServeOptions`; tests shorten the back-off.
package struct BotHeroLocalSettings: LocalPlatformSettings, Hashable {
  package static var platform: String { "bothero" }

  /// Hosts webhook deliveries may go to besides loopback (`--allow-webhook-hosts`).
  package var allowedWebhookHosts: [String]
  /// Seconds between a failed webhook delivery and its next attempt (four retries).
  package var deliveryBackoff: [Double]

  /// BotHero's defaults: loopback only, and retries after 1, 2, 4 and 8 seconds.
  package init() {
    self.init(allowedWebhookHosts: [])
  }

  /// Creates settings.
  package init(allowedWebhookHosts: [String] = [], deliveryBackoff: [Double] = [1, 2, 4, 8]) {
    self.allowedWebhookHosts = allowedWebhookHosts
    self.deliveryBackoff = deliveryBackoff
  }
}
