import Foundation
import Hummingbird
import PlatformRegistry
import Testing

@testable import HeHoLocalServer
@testable import LocalServerKit

@Suite("Fault injection")
struct FaultInjectionTests {
  /// The statuses of `count` sequential verify-user calls under `faults`.
  private func outcomes(_ faults: FaultConfiguration, count: Int = 40) async throws -> [Int] {
    let recorded = OutcomeLog()
    try await withPlatform(faults: faults) { api in
      for _ in 0..<count {
        let response = try await api.call(.post, "/api/verify-user")
        await recorded.append(Int(response.status.code))
      }
    }
    return await recorded.values
  }

  @Test("the same seed gives the same outcomes; another seed differs")
  func deterministic() async throws {
    let kinds: Set<FaultConfiguration.Kind> = [.tooManyRequests, .internalError, .unavailable]
    let first = try await outcomes(.init(rate: 0.5, seed: 42, kinds: kinds))
    let second = try await outcomes(.init(rate: 0.5, seed: 42, kinds: kinds))
    let other = try await outcomes(.init(rate: 0.5, seed: 43, kinds: kinds))
    #expect(first == second)
    #expect(first != other)
    #expect(Set(first).isSubset(of: [200, 429, 500, 503]))
    #expect(first.contains(200) && first.contains { $0 != 200 })
  }

  @Test("rate 0 never faults; rate 1 always does")
  func rates() async throws {
    #expect(try await outcomes(.init(rate: 0, seed: 1), count: 10).allSatisfy { $0 == 200 })
    let always = try await outcomes(.init(rate: 1, seed: 1, kinds: [.unavailable]), count: 10)
    #expect(always.allSatisfy { $0 == 503 })
  }

  @Test("the injector's decisions repeat for a seed and restart when reconfigured")
  func injectorSequence() {
    let configuration = FaultConfiguration(rate: 0.3, seed: 7)
    let injector = FaultInjector(configuration)
    let first = (0..<100).map { _ in injector.nextDecision() }
    injector.reconfigure(configuration)
    let again = (0..<100).map { _ in injector.nextDecision() }
    #expect(first == again)
    let faulted = first.filter { $0.fault != nil }.count
    #expect((10...50).contains(faulted))
  }

  @Test("429 carries Retry-After, configurable")
  func retryAfter() async throws {
    try await withPlatform(faults: .init(rate: 1, kinds: [.tooManyRequests], retryAfterSeconds: 3))
    { api in
      let response = try await api.call(.get, "/api/v1/chatbots/manage")
      #expect(response.status == .tooManyRequests)
      #expect(response.headers[.retryAfter] == "3")
      #expect(!response.error.isEmpty)
    }
  }

  @Test("/_local routes are never faulted")
  func localRoutesExempt() async throws {
    try await withPlatform(faults: .init(rate: 1, kinds: [.internalError])) { api in
      let health = try await api.call(.get, "/_local/health")
      let metrics = try await api.call(.get, "/_local/metrics")
      #expect(health.status == .ok)
      #expect(metrics.status == .ok)
    }
  }

  @Test("commitThenFail commits the write, then fails the response")
  func commitThenFail() async throws {
    let platform = try await TestPlatform.make(
      faults: .init(rate: 1, seed: 0, kinds: [.commitThenFail]))
    try await platform.run { api in
      platform.services.injector.reconfigure(.none)
      try await api.createTable(seedTableBody)
      platform.services.injector.reconfigure(.init(rate: 1, seed: 0, kinds: [.commitThenFail]))
      let response = try await api.rows(
        #"{"action": "add", "tableName": "customers", "data": {"name": "Ada"}}"#)
      #expect(response.status == .internalServerError)
      platform.services.injector.reconfigure(.none)
      let read = try await api.rows(#"{"action": "read", "tableName": "customers"}"#)
      #expect(read.json["count"] == .integer(1))
    }
  }

  @Test("a fault on a request labeled with Heho-Operation is counted under its label")
  func faultsAreCountedPerOperation() async throws {
    let platform = try await TestPlatform.make(
      faults: .init(rate: 1, seed: 5, kinds: [.unavailable]))
    try await platform.run { api in
      let labeled: HTTPFields = [.hehoOperation: "migrate table/t: backup"]
      for _ in 0..<3 {
        let response = try await api.call(.get, "/api/v1/database/manage", headers: labeled)
        #expect(response.status == .serviceUnavailable)
      }
      _ = try await api.call(.get, "/api/v1/database/manage")
      let metrics = try await api.call(.get, "/_local/metrics")
      #expect(
        metrics.json["faultsByOperation"]
          == .object(["migrate table/t: backup": .object(["503": .integer(3)])]))
      #expect(metrics.json["operations"] == .object(["migrate table/t: backup": .integer(3)]))
      #expect(metrics.json["faults"]?["503"]?.intValue == 4)
    }
  }

  @Test("every injected fault is counted per kind and per route, and the counts reset")
  func faultsAreCounted() async throws {
    let kinds: Set<FaultConfiguration.Kind> = [.tooManyRequests, .internalError, .unavailable]
    let platform = try await TestPlatform.make(faults: .init(rate: 0.5, seed: 11, kinds: kinds))
    try await platform.run { api in
      var statuses: [String: Int] = [:]
      for index in 0..<60 {
        let path = index.isMultiple(of: 2) ? "/api/v1/chatbots/manage" : "/api/v1/database/manage"
        let response = try await api.call(.get, path)
        let status = Int(response.status.code)
        if status != 200 { statuses["GET \(path) \(status)", default: 0] += 1 }
      }
      let metrics = try await api.call(.get, "/_local/metrics")
      var counted: [String: Int] = [:]
      for route in ["GET /api/v1/chatbots/manage", "GET /api/v1/database/manage"] {
        for (kind, count) in metrics.json["faultsByRoute"]?[route]?.objectValue ?? [:] {
          counted["\(route) \(kind)"] = count.intValue
        }
      }
      #expect(!statuses.isEmpty)
      #expect(counted == statuses)
      let total = statuses.values.reduce(0, +)
      let byKind = (metrics.json["faults"]?.objectValue ?? [:]).values.compactMap(\.intValue)
      #expect(byKind.reduce(0, +) == total)
      _ = try await api.call(.post, "/_local/metrics/reset")
      let reset = try await api.call(.get, "/_local/metrics")
      #expect(reset.json["faults"]?.objectValue?.isEmpty == true)
      #expect(reset.json["faultsByRoute"]?.objectValue?.isEmpty == true)
    }
  }
}

/// Collects outcomes across the test closure.
actor OutcomeLog {
  var values: [Int] = []
  func append(_ value: Int) { values.append(value) }
}
