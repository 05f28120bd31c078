/// One platform's own settings of the local platform (BotHero's webhook deliveries, for
/// example), declared by that platform's local module: the shared server parts never name a
/// platform, so a configuration carries these by platform name, and a platform given none
/// runs on its defaults.
public protocol LocalPlatformSettings: Sendable {
  /// The platform they belong to, as in the registry (`bothero`).
  static var platform: String { get }
  /// The platform's defaults, used when a configuration carries none for it.
  init()
}
