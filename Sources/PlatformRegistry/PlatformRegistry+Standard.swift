import BotHeroLocalServer
import BotHeroProvider
import HeHoLocalServer
import HeHoProvider
import HeppuLocalServer
import HeppuProvider
import LocalServerKit
import PlatformKit

/// Every platform heho manages: its descriptor and its part of the local platform. Adding a
/// platform is its folder, its line in `Package.swift`'s `platforms`, and one line here.
enum StandardPlatforms {
  static let all: [PlatformEntry] = [
    PlatformEntry(HeHoDescriptor(), HeHoLocalModule()),
    PlatformEntry(BotHeroDescriptor(), BotHeroLocalModule()),
    PlatformEntry(HeppuDescriptor(), HeppuLocalModule()),
  ]
}

/// One platform in the registry: how heho manages it and how the local platform serves it.
package struct PlatformEntry: Sendable {
  package let descriptor: any PlatformDescriptor
  package let local: any LocalPlatformModule

  package init(_ descriptor: any PlatformDescriptor, _ local: any LocalPlatformModule) {
    self.descriptor = descriptor
    self.local = local
  }

  /// Entries whose two halves name different platforms, as messages; the two are written in
  /// separate targets, and a mismatch would send a platform's keys and routes to another's
  /// provider.
  package static func mismatches(in entries: [PlatformEntry]) -> [String] {
    entries.compactMap { entry in
      entry.descriptor.name == entry.local.platform
        ? nil
        : "the registry pairs the descriptor of '\(entry.descriptor.name)' with the local "
          + "module of '\(entry.local.platform)'; pair each descriptor with its own platform's "
          + "local module"
    }
  }
}

extension PlatformRegistry {
  /// Every platform heho manages.
  public static let standard = PlatformRegistry(StandardPlatforms.all.map(\.descriptor))

  /// Every registry entry, for tests that check the pairs.
  package static var standardEntries: [PlatformEntry] { StandardPlatforms.all }
}
