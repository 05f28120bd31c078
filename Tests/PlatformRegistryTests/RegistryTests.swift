import HeHoProvider
import PlatformKit
import PlatformRegistry
import Testing

/// The platform registry: names, apiVersions and kind names are unique across platforms.
@Suite struct RegistryTests {
  @Test func theStandardRegistryHasNoConflictsAndHeHoComesFirst() {
    let registry = PlatformRegistry.standard
    #expect(registry.conflicts.isEmpty)
    #expect(registry.names.first == "heho")
    #expect(registry.platform(ofAddressKind: "chatbot")?.name == "heho")
    #expect(registry.kindRegistry.providerDefaults["heho"]?.apiKeyEnv == "HEHO_API_KEY")
  }

  @Test func aPlatformRegisteredTwiceIsReportedByNameAPIVersionAndKind() {
    let conflicts = PlatformRegistry([HeHoDescriptor(), HeHoDescriptor()]).conflicts
    #expect(conflicts.contains("two platforms declare the name 'heho'"))
    #expect(conflicts.contains("two platforms declare the apiVersion 'heho/v1'"))
    #expect(conflicts.contains("two platforms declare the kind 'Table'"))
  }
}
