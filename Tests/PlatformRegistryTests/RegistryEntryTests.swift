import BotHeroLocalServer
import HeHoProvider
import PlatformKit
import PlatformRegistry
import Testing

/// Each registry entry pairs a platform's descriptor with that same platform's local module.
@Suite struct RegistryEntryTests {
  @Test func everyEntryNamesOnePlatformOnBothHalves() {
    let entries = PlatformRegistry.standardEntries
    #expect(entries.count == PlatformRegistry.standard.names.count)
    #expect(PlatformEntry.mismatches(in: entries).isEmpty)
    #expect(entries.map(\.local.platform) == PlatformRegistry.standard.names)
  }

  @Test func aMismatchedPairIsReportedByBothNames() {
    let broken = [PlatformEntry(HeHoDescriptor(), BotHeroLocalModule())]
    let messages = PlatformEntry.mismatches(in: broken)
    #expect(messages.count == 1)
    #expect(messages.first?.contains("descriptor of 'heho'") == true)
    #expect(messages.first?.contains("local module of 'bothero'") == true)
  }
}
