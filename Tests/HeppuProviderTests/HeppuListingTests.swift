import Foundation
import HehoEngine
import HehoTestSupport
import PlatformKit
import Testing

@testable import HeppuProvider

/// How the Heppu provider reads live agents: pages of 100, every page, each agent once.
@Suite struct HeppuListingTests {
  /// A Heppu answering `GET /agents` with `total` agents, `limit` a page.
  static func access(agents total: Int, paths: PathLog) throws -> PlatformAccess {
    let transport = ClosureTransport { request in
      await paths.record(request.path)
      let query = URLComponents(string: request.path)?.queryItems ?? []
      let page = Int(query.first { $0.name == "page" }?.value ?? "1") ?? 1
      let limit = Int(query.first { $0.name == "limit" }?.value ?? "100") ?? 100
      let ids = ((page - 1) * limit..<min(page * limit, total))
      let agents = ids.map { #"{"id":"ag_\#($0)","name":"agent-\#($0)","type":"chat"}"# }
      let pages = max(1, (total + limit - 1) / limit)
      let body =
        #"{"data":[\#(agents.joined(separator: ","))],"pagination":{"page":\#(page),"#
        + #""limit":\#(limit),"total":\#(total),"totalPages":\#(pages)}}"#
      return HTTPResponse(status: 200, body: Data(body.utf8))
    }
    return PlatformAccess(
      endpoint: try #require(URL(string: "http://heppu.test")), apiKey: "hp_test",
      transport: transport,
      retry: .immediate())
  }

  @Test func everyPageIsReadOnceAndEveryAgentKeptInOrder() async throws {
    let paths = PathLog()
    let live = try await HeppuProvider(access: try Self.access(agents: 250, paths: paths))
      .fetchLiveState()
    #expect(live.resources.count == 250)
    #expect(live.resources.map(\.address.name).prefix(3) == ["agent-0", "agent-1", "agent-2"])
    #expect(Set(live.resources.map(\.address.name)).count == 250)
    #expect(live.readsMade == 3)
    #expect(await paths.all.sorted() == (1...3).map { "/agents?limit=100&page=\($0)" })
  }

  @Test func anEmptyPlatformIsOneRead() async throws {
    let paths = PathLog()
    let live = try await HeppuProvider(access: try Self.access(agents: 0, paths: paths))
      .fetchLiveState()
    #expect(live.resources.isEmpty)
    #expect(live.readsMade == 1)
  }
}

/// The paths a fake platform was asked for.
actor PathLog {
  private(set) var all: [String] = []
  func record(_ path: String) { all.append(path) }
}
