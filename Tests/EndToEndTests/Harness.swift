import ArgumentParser
import Foundation
import HeHoProvider
import HehoCLI
import HehoTestSupport
import LocalServerKit
import PlatformKit
import PlatformRegistry
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What a command run printed and how it ended.
typealias RunResult = CommandResult

/// A local platform on a free port and a project directory, driven through the real commands.
struct Harness: Sendable {
  let platform: LocalPlatform
  let directory: URL
  /// Every text a run produced, to check that the key appears nowhere.
  let transcript = OutputCapture()

  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Starts a fresh platform and copies `example` (a folder under `examples/`) to a temporary
  /// project directory.
  static func start(
    example: String = "support-desk", faults: FaultConfiguration = .none,
    uniqueNames: Bool = false
  ) async throws -> Harness {
    let platform = try await LocalPlatform.start(
      LocalPlatformConfiguration(faults: faults, uniqueNames: uniqueNames))
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-e2e-\(UUID().uuidString)")
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("examples/\(example)"), to: directory)
    return Harness(platform: platform, directory: directory)
  }

  /// Checks that no run showed the API key, then stops the platform and removes the project.
  func stop() async {
    let (out, err) = transcript.captured
    #expect(!out.contains(platform.apiKey), "the API key appeared in output")
    #expect(!err.contains(platform.apiKey), "the API key appeared in an error")
    try? await platform.shutdown()
    try? FileManager.default.removeItem(at: directory)
  }

  /// Each platform's endpoint on the local platform, from its descriptor.
  var endpoints: LocalEndpoints { LocalEndpoints(.standard, baseURL: platform.baseURL) }

  /// The key in every platform's default variable, and in the variables the examples'
  /// environments name (`HEHO_DEV_API_KEY`, `HEHO_PROD_API_KEY`).
  var environment: [String: String] {
    let key = platform.apiKey
    return endpoints.keyEnvironment(key).merging(
      ["HEHO_DEV_API_KEY": key, "HEHO_PROD_API_KEY": key, "NO_COLOR": "1"]
    ) { _, new in new }
  }

  /// Runs `heho ARGS -f DIR --endpoint URL` (project flags added for plan and apply).
  /// `answer` makes the console a terminal whose user types it at the prompt.
  func run(_ arguments: [String], project: Bool = true, answer: String? = nil) async -> RunResult {
    var arguments = arguments
    if project { arguments += ["-f", directory.path, "--endpoint", platform.baseURL] }
    let result = await Self.runCommand(arguments, environment: environment, answer: answer)
    transcript.out(result.out)
    transcript.err(result.err)
    return result
  }

  /// Runs the real `heho` command code in-process with `environment` and a captured console.
  static func runCommand(
    _ arguments: [String], environment: [String: String], answer: String? = nil
  ) async -> RunResult {
    await InProcessHeho.run(arguments, environment: environment, answer: answer)
  }

  /// `heho apply --auto-approve` until it exits 0, at most `times` runs (under faults): the
  /// last run and how many there were.
  func applyUntilItSucceeds(times: Int = 3) async -> (last: RunResult, runs: Int) {
    var last = RunResult(code: 1, out: "", err: "")
    var runs = 0
    while runs < times && last.code != 0 {
      runs += 1
      last = await run(["apply", "--auto-approve"])
    }
    return (last, runs)
  }

  /// Rewrites a manifest file of the project.
  func edit(_ file: String, _ change: (String) -> String) throws {
    let url = directory.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    try change(text).write(to: url, atomically: true, encoding: .utf8)
  }

  /// Calls the platform's API directly (for set-up and checks), with faults as configured.
  /// Any answer but a 2xx is an error naming the request, the status and the body.
  @discardableResult
  func api(_ method: String, _ path: String, body: [String: Any]? = nil) async throws
    -> [String: Any]
  {
    try await PlatformAPI(baseURL: platform.baseURL, key: platform.apiKey)
      .object(method, path, json: body)
  }

  /// Names of the chatbots on the platform (duplicates kept).
  func chatbotNames() async throws -> [String] {
    let list = try await api("GET", "/api/v1/chatbots/manage")["chatbots"] as? [[String: Any]]
    return (list ?? []).compactMap { $0["name"] as? String }.sorted()
  }

  /// Names of the tables on the platform.
  func tableNames() async throws -> [String] {
    let list = try await api("GET", "/api/v1/database/manage")["tables"] as? [[String: Any]]
    return (list ?? []).compactMap { $0["table_name"] as? String }.sorted()
  }

  /// Adds `count` rows to a table through the row API.
  func addRows(_ table: String, count: Int, _ row: (Int) -> [String: Any]) async throws {
    for index in 0..<count {
      _ = try await api(
        "POST", "/api/v1/database/manage",
        body: ["action": "add", "tableName": table, "data": row(index)])
    }
  }

  /// Parses a JSON plan printed by `plan --output json`.
  static func actions(inJSON text: String) -> [String: String] {
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
      let operations = object["operations"] as? [[String: Any]]
    else { return [:] }
    var result: [String: String] = [:]
    for operation in operations {
      if let address = operation["address"] as? [String: Any],
        let kind = address["kind"] as? String,
        let name = address["name"] as? String, let action = operation["action"] as? String
      {
        result["\(kind)/\(name)"] = action
      }
    }
    return result
  }
}
