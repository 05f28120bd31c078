import Hummingbird
import PlatformRegistry
import Testing

@testable import HeHoLocalServer
@testable import LocalServerKit

@Suite("Error shape and local extras")
struct ErrorShapeTests {
  @Test("a constraint failure of a connected table is a 400 naming the column, without SQL")
  func constraintWithoutSQL() async throws {
    let platform = try await TestPlatform.make()
    try await platform.run { api in
      try await platform.executeInDefaultOrganization(
        "CREATE TABLE legacy (id INTEGER PRIMARY KEY, label TEXT NOT NULL)")
      _ = try await api.call(.post, "/api/v1/database/tables/connect", #"{"tableName": "legacy"}"#)
      let response = try await api.rows(
        #"{"action": "add", "tableName": "legacy", "data": {"id": 1}}"#)
      #expect(response.status == .badRequest)
      #expect(response.error.contains("'label'"))
      for leak in ["INSERT", "constraint failed", "SQLITE", "legacy.label"] {
        #expect(!response.error.contains(leak))
      }
    }
  }

  @Test("unknown routes are JSON 404s; wrong methods are 405 with Allow")
  func routing() async throws {
    try await withPlatform { api in
      let unknown = try await api.call(.get, "/api/v2/things")
      #expect(unknown.status == .notFound)
      #expect(unknown.error == "no route GET /api/v2/things")
      let wrong = try await api.call(.patch, "/api/v1/database/tables")
      #expect(wrong.status == .methodNotAllowed)
      #expect(wrong.headers[.allow] == "POST, DELETE")
    }
  }

  @Test("metrics count /api requests per route, including refused ones; reset zeroes them")
  func metrics() async throws {
    try await withPlatform { api in
      _ = try await api.call(.get, "/api/v1/chatbots/manage")
      _ = try await api.call(.get, "/api/v1/chatbots/manage", key: .some(nil))
      _ = try await api.call(.post, "/api/verify-user", headers: [.hehoOperation: "check"])
      _ = try await api.call(.get, "/_local/health")
      let metrics = try await api.call(.get, "/_local/metrics")
      #expect(
        metrics.json
          == .object([
            "total": .integer(3), "platforms": .object(["heho": .integer(3)]),
            "routes": .object([
              "GET /api/v1/chatbots/manage": .integer(2), "POST /api/verify-user": .integer(1),
            ]),
            "faults": .object([:]), "faultsByRoute": .object([:]),
            "operations": .object(["check": .integer(1)]), "faultsByOperation": .object([:]),
          ]))
      let reset = try await api.call(.post, "/_local/metrics/reset")
      #expect(
        reset.json
          == .object([
            "total": .integer(0), "platforms": .object([:]), "routes": .object([:]),
            "faults": .object([:]),
            "faultsByRoute": .object([:]), "operations": .object([:]),
            "faultsByOperation": .object([:]),
          ]))
    }
  }

  @Test("latency is part of every decision; faults draw only from enabled kinds")
  func decisions() {
    let injector = FaultInjector(
      .init(latencyMilliseconds: 25, rate: 1, seed: 3, kinds: [.unavailable, .dropConnection]))
    let decisions = (0..<50).map { _ in injector.nextDecision() }
    #expect(decisions.allSatisfy { $0.latencyMilliseconds == 25 })
    #expect(Set(decisions.compactMap(\.fault)) == [.unavailable, .dropConnection])
    #expect(!FaultConfiguration.none.isActive)
    #expect(FaultInjector(.none).nextDecision().fault == nil)
  }
}
