import ArgumentParser
import BotHeroLocalServer
import LocalServerKit

/// The platforms' own options of `heho local serve`, each group under its platform's name in
/// the help, so that the command line names no platform. A platform with server options adds
/// its group here, beside its line in the registry.
package struct PlatformServeOptions: ParsableArguments {
  @OptionGroup(title: "BotHero")
  var bothero: BotHeroServeOptions

  /// Creates the options with their defaults (for parsing).
  package init() {}

  /// Every platform's settings from its options, for `LocalPlatformConfiguration`.
  package var settings: [any LocalPlatformSettings] {
    [bothero.settings]
  }
}
