import Synchronization

/// The platforms' own settings while the local platform runs. A platform reads what it needs
/// when it opens, or per request for a setting tests change while it runs (HeHo's test-only
/// stored theme); replacing settings reaches only the latter.
package final class LivePlatformSettings: Sendable {
  private let settings: Mutex<[String: any LocalPlatformSettings]>

  /// Holds `settings`, keyed by platform name.
  package init(_ settings: [String: any LocalPlatformSettings]) {
    self.settings = Mutex(settings)
  }

  /// The settings of `type`'s platform: the ones given, else the platform's defaults.
  package func current<Settings: LocalPlatformSettings>(_ type: Settings.Type) -> Settings {
    settings.withLock { $0[Settings.platform] as? Settings } ?? Settings()
  }

  /// Replaces the settings of `new`'s platform.
  package func replace<Settings: LocalPlatformSettings>(with new: Settings) {
    settings.withLock { $0[Settings.platform] = new }
  }
}
