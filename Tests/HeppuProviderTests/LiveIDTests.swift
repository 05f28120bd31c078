import Foundation
import HehoEngine
import HehoManifest
import HehoTestSupport
import PlatformKit
import Testing

@testable import HeppuProvider

/// A write that needs the platform's ID refuses, before any request, when the plan has none or
/// an empty one (the rule every provider shares, `PlatformProvider.liveID(of:)`).
@Suite struct LiveIDTests {
  @Test(arguments: [nil, ""] as [String?])
  func aDeleteOrUpdateWithoutAnIDSendsNothing(id: String?) async throws {
    let paths = PathLog()
    let provider = HeppuProvider(access: try HeppuListingTests.access(agents: 0, paths: paths))
    let address = ResourceAddress(kind: "agent", name: "support")
    for action in [ApplyStep.Action.delete, .update] {
      await #expect {
        _ = try await provider.perform(ApplyStep(action: action, address: address, liveID: id))
      } throws: { error in
        "\(error)" == "agent/support: the plan has no live ID to \(action.rawValue) it by; run "
          + "heho plan again"
      }
    }
    #expect(await paths.all.isEmpty)
  }
}
