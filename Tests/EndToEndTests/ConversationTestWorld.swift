import Foundation
@_spi(Testing) import LocalServerKit
import Testing

/// The omnichannel example (a chatbot, a bot and two agents, with their conversation tests) on
/// a fresh HehoLocal, every platform at its local endpoint, driven through the real commands.
struct ConversationTestWorld: Sendable {
  let harness: Harness

  /// Starts the platform and copies `example`.
  static func start(example: String = "omnichannel") async throws -> ConversationTestWorld {
    ConversationTestWorld(harness: try await Harness.start(example: example))
  }

  /// `--endpoint` for each platform on the one local server.
  var endpoints: [String] { harness.endpoints.arguments }

  /// `heho ARGS -f PROJECT --endpoint …`.
  func run(_ arguments: [String]) async -> RunResult {
    var environment = harness.environment
    environment["CRM_WEBHOOK_SECRET"] = "omnichannel-signing-secret"
    let result = await Harness.runCommand(
      arguments + ["-f", harness.directory.path] + endpoints, environment: environment)
    harness.transcript.out(result.out)
    harness.transcript.err(result.err)
    return result
  }

  /// Makes the project prune (a file removed from the knowledge folder is deleted on apply).
  func pruning() throws {
    try harness.edit("heho.yaml") {
      $0.replacingOccurrences(of: "prune: false", with: "prune: true")
    }
  }

  /// Applies the manifests, requiring success.
  func apply() async throws {
    let apply = await run(["apply", "--auto-approve"])
    try #require(apply.code == 0, "\(apply.all)")
  }

  /// `heho test … --output json`: the exit code and each test's status by name.
  func test(_ arguments: [String] = []) async throws -> (
    code: Int32, statuses: [String: String], report: [String: Any]
  ) {
    let result = await run(["test", "--output", "json"] + arguments)
    let report =
      (try? JSONSerialization.jsonObject(with: Data(result.out.utf8))) as? [String: Any] ?? [:]
    var statuses: [String: String] = [:]
    for test in report["tests"] as? [[String: Any]] ?? [] {
      if let name = test["name"] as? String { statuses[name] = test["status"] as? String }
    }
    return (result.code, statuses, report)
  }

  /// The failed checks of `test` in a JSON report, as `turn N: CHECK`.
  static func failedChecks(of test: String, in report: [String: Any]) -> [String] {
    let found = (report["tests"] as? [[String: Any]])?.first { $0["name"] as? String == test }
    let runs = found?["runs"] as? [[String: Any]] ?? []
    return runs.prefix(1).flatMap { run in
      (run["turns"] as? [[String: Any]] ?? []).flatMap { turn in
        (turn["checks"] as? [[String: Any]] ?? []).filter { $0["status"] as? String == "failed" }
          .map { "turn \(turn["turn"] as? Int ?? 0): \($0["check"] as? String ?? "")" }
      }
    }
  }

  /// Writes requests the platform has served (anything but GET), from its own counters.
  func writesServed() async -> Int {
    let routes = await harness.platform.metrics().routes
    return routes.filter { !$0.key.hasPrefix("GET ") }.values.reduce(0, +)
  }

  /// Every request the platform has served.
  func requestsServed() async -> Int {
    await harness.platform.metrics().routes.values.reduce(0, +)
  }
}
