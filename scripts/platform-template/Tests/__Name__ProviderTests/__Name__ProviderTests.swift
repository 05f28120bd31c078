import Foundation
import HehoEngine
import HehoManifest
import HehoTestSupport
import PlatformKit
import Testing

@testable import __Name__Provider

/// The __Name__ provider against an in-process platform: it lists gadgets in one read and
/// never sends a write without its live ID.
@Suite struct __Name__ProviderTests {
  static func provider() throws -> __Name__Provider {
    let transport = ClosureTransport { request in
      let body = #"{"gadgets":[{"id":"g_1","name":"lamp","color":"red","enabled":true}]}"#
      return HTTPResponse(status: request.method == "GET" ? 200 : 500, body: Data(body.utf8))
    }
    return __Name__Provider(
      access: PlatformAccess(
        endpoint: try #require(URL(string: "http://__name__.test/v1")), apiKey: "k",
        transport: transport, retry: .immediate()))
  }

  @Test func everyGadgetIsReadInOneCall() async throws {
    let live = try await Self.provider().fetchLiveState()
    #expect(live.resources.map(\.address.description) == ["gadget/lamp"])
    #expect(live.resources.first?.fields["color"] == .string("red"))
    #expect(live.readsMade == 1)
  }

  @Test func aDeleteWithoutAnIDIsRefused() async throws {
    let step = ApplyStep(action: .delete, address: __Name__Kind.gadget.address("lamp"))
    await #expect(throws: ProviderError.self) { try await Self.provider().perform(step) }
  }
}
