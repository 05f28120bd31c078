import Foundation
import HeHoProvider
import HehoEngine
import HehoManifest
import HehoTestSupport
@_spi(FaultTesting) import PlatformKit
import Synchronization
import Testing

/// Row writes of a `TableData` against a scripted row API: an add whose answer is lost is looked
/// up by its key before anything is sent again.
@Suite struct RowWritesTests {
  /// A row API that keeps rows in memory and loses the answer of the first `lose` adds after
  /// storing them.
  final class Rows: Sendable {
    let state = Mutex<(rows: [[String: Value]], lose: Int, lines: [String])>(([], 0, []))

    init(lose: Int) { state.withLock { $0.lose = lose } }

    func handle(_ request: HTTPRequest) throws -> HTTPResponse {
      let body = try JSONDecoder().decode([String: Value].self, from: request.body ?? Data())
      let action = body["action"]?.stringValue ?? ""
      return try state.withLock { state in
        state.lines.append(action)
        switch action {
        case "add":
          state.rows.append(body["data"]?.objectValue ?? [:])
          if state.lose > 0 {
            state.lose -= 1
            throw TransportError(.connectionLost, request.line)
          }
          return try Self.json(201, ["success": .bool(true)])
        case "read":
          let query = body["query"]?.objectValue ?? [:]
          let found = state.rows.filter { row in query.allSatisfy { row[$0.key] == $0.value } }
          return try Self.json(200, ["data": .array(found.map(Value.object))])
        default:
          return try Self.json(400, ["error": .string("unexpected")])
        }
      }
    }

    static func json(_ status: Int, _ body: [String: Value]) throws -> HTTPResponse {
      HTTPResponse(status: status, headers: [:], body: try JSONEncoder().encode(body))
    }
  }

  static func add(city: String) -> ApplyStep {
    let source = RecordSource(
      address: ResourceAddress(kind: "tabledata", name: "stores"),
      container: ResourceAddress(kind: "table", name: "stores"), keyField: "city",
      idField: "id")
    let change = RecordChange(
      action: .add, key: city, keyValue: .string(city), payload: ["city": .string(city)])
    return ApplyStep(
      action: .create, address: source.address, payload: ["city": .string(city)],
      phase: "key \(city)", record: RecordWrite(source: source, change: change))
  }

  @Test func anAddWhoseAnswerIsLostIsFoundByItsKeyAndNotSentAgain() async throws {
    let rows = Rows(lose: 1)
    let client = APIClient(
      transport: ClosureTransport { try rows.handle($0) }, apiKey: "hk_test_0123456789abcdef",
      retry: .immediate())
    let result = try await HeHoProvider(client: client).perform(Self.add(city: "Oulu"))
    #expect(result.adopted)
    #expect(rows.state.withLock { $0.rows.count } == 1)
    #expect(rows.state.withLock { $0.lines } == ["add", "read"])
  }

  @Test func anAddThatNeverLandedIsSentAgainAfterTheLookup() async throws {
    let rows = Rows(lose: 0)
    let client = APIClient(
      transport: ClosureTransport { request in
        // The first add is refused before it is stored (a dropped connection).
        if rows.state.withLock({ $0.lines.isEmpty }) {
          rows.state.withLock { $0.lines.append("dropped") }
          throw TransportError(.connectionLost, request.line)
        }
        return try rows.handle(request)
      }, apiKey: "hk_test_0123456789abcdef", retry: .immediate())
    let result = try await HeHoProvider(client: client).perform(Self.add(city: "Oulu"))
    #expect(!result.adopted)
    #expect(rows.state.withLock { $0.rows.count } == 1)
    #expect(rows.state.withLock { $0.lines } == ["dropped", "read", "add"])
  }
}
