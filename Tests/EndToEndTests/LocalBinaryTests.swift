import Foundation
import HehoTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The real `heho` binary, as a user runs it: `heho local serve` on a port with other `heho`
/// processes applying to it, and `--local` with its embedded platform under `.heho/`.
@Suite(.enabled(if: HehoBinary.shouldTest, "needs a built heho (swift build --product heho)"))
struct LocalBinaryTests {
  /// A copy of `examples/support-desk` in a directory of its own.
  static func project() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-binary-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Harness.repositoryRoot.appendingPathComponent("examples/support-desk"),
      to: directory.appendingPathComponent("project"))
    return directory
  }

  /// Runs the binary to its end in `directory`; exit status and output.
  static func heho(
    _ arguments: [String], in directory: URL, environment: [String: String] = [:]
  ) async throws -> ChildProcess.Result {
    var merged = ProcessInfo.processInfo.environment
    merged.merge(environment) { _, new in new }
    merged["NO_COLOR"] = "1"
    return try await ChildProcess.run(
      [try HehoBinary.require()] + arguments, in: directory, environment: merged)
  }

  @Test func servedPlatformTakesAnApplyFromAnotherProcessAndStopsOnInterrupt() async throws {
    let directory = try Self.project()
    defer { try? FileManager.default.removeItem(at: directory) }
    let key = "heho_local_served_binary_test_key_0123456789abcdef"
    let server = try ServerProcess(
      [
        try HehoBinary.require(), "local", "serve", "--port", "0", "--db",
        directory.appendingPathComponent("served.sqlite").path, "--api-key", key,
        "--unique-names",
      ], in: directory)
    let banner = try await server.waitForLine { $0.contains("heho: endpoint http://") }
    let serving = try #require(banner, "no banner: \(server.output)")
    let url = try #require(serving.split(separator: " ").first { $0.hasPrefix("http://") })
    let endpoint = String(url)
    #expect(server.output.contains { $0.contains("--unique-names") })

    let project = directory.appendingPathComponent("project").path
    let environment = ["HEHO_API_KEY": key]
    let apply = try await Self.heho(
      ["apply", "-f", project, "--endpoint", endpoint, "--auto-approve"], in: directory,
      environment: environment)
    #expect(apply.status == 0, "\(apply.text)")
    #expect(apply.text.contains("Apply complete: 6 created"), "\(apply.text)")
    #expect(!apply.text.contains(key))
    let plan = try await Self.heho(
      ["plan", "-f", project, "--endpoint", endpoint, "--detailed-exitcode"], in: directory,
      environment: environment)
    #expect(plan.status == 0, "\(plan.text)")

    // --unique-names: the served platform refuses a second chatbot with a used name.
    let bot = try await Self.firstChatbot(endpoint: endpoint, key: key)
    let again = try await Self.post(endpoint + "/api/v1/chatbots/manage", key: key, json: bot)
    #expect(again == 409)

    let status = try await server.interrupt()
    #expect(status == 0, "\(server.output)")
    #expect(server.output.contains("Stopping."))
  }

  @Test func localAppliesToTheEmbeddedPlatformAndKeepsItsStateUnderDotHeho() async throws {
    let directory = try Self.project()
    defer { try? FileManager.default.removeItem(at: directory) }
    let apply = try await Self.heho(
      ["apply", "--local", "-f", "project", "--auto-approve"], in: directory)
    #expect(apply.status == 0, "\(apply.text)")
    #expect(apply.text.contains("Apply complete: 6 created"), "\(apply.text)")
    let database = directory.appendingPathComponent(".heho/local.sqlite").path
    #expect(FileManager.default.fileExists(atPath: database))
    // A second process finds what the first applied: the state lives in .heho/, not in memory.
    let plan = try await Self.heho(
      ["plan", "--local", "-f", "project", "--detailed-exitcode"], in: directory)
    #expect(plan.status == 0, "\(plan.text)")
    let drift = try await Self.heho(["drift", "--local", "-f", "project"], in: directory)
    #expect(drift.status == 0, "\(drift.text)")
  }

  /// `heho local serve` with `latency` ms on every request, on a free port; the server and its
  /// endpoint.
  static func slowServer(in directory: URL, key: String, latency: Int) async throws
    -> (ServerProcess, String)
  {
    let server = try ServerProcess(
      [
        try HehoBinary.require(), "local", "serve", "--port", "0", "--db",
        directory.appendingPathComponent("slow.sqlite").path, "--api-key", key, "--latency",
        String(latency),
      ], in: directory)
    let banner = try await server.waitForLine { $0.contains("heho: endpoint http://") }
    let line = try #require(banner, "no banner: \(server.output)")
    let url = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") })
    return (server, String(url))
  }

  @Test func anInterruptLetsTheWritesInFlightFinishPrintsTheSummaryAndARerunConverges()
    async throws
  {
    let directory = try Self.project()
    defer { try? FileManager.default.removeItem(at: directory) }
    let key = "heho_local_interrupt_test_key_0123456789abcdef"
    let (server, endpoint) = try await Self.slowServer(in: directory, key: key, latency: 400)
    let project = directory.appendingPathComponent("project").path
    var environment = ProcessInfo.processInfo.environment
    environment["HEHO_API_KEY"] = key
    environment["NO_COLOR"] = "1"
    let apply = try ServerProcess(
      [
        try HehoBinary.require(), "apply", "-f", project, "--endpoint", endpoint,
        "--auto-approve", "--parallelism", "1",
      ], in: directory, environment: environment)
    let first = try await apply.waitForLine { $0.contains("✓ create table/") }
    #expect(first != nil, "\(apply.output)")
    apply.send(SIGINT)
    let status = try await apply.waitForExit()
    let output = apply.output.joined(separator: "\n")
    #expect(status == 130, "\(output)")
    #expect(output.contains("Interrupted: no new operation starts"), "\(output)")
    let summary = try #require(
      apply.output.last { $0.hasPrefix("Apply interrupted:") }, "\(output)")
    #expect(summary.contains("0 failed") && summary.contains("not started"), "\(summary)")
    // The write in flight when the signal came finished: at least 2 done, not all 6.
    let done = apply.output.filter { $0.contains("✓ ") }.count
    #expect((2...5).contains(done), "\(output)")
    let rerun = try await Self.heho(
      ["apply", "-f", project, "--endpoint", endpoint, "--auto-approve"], in: directory,
      environment: ["HEHO_API_KEY": key])
    #expect(rerun.status == 0, "\(rerun.text)")
    #expect(rerun.text.contains("Apply complete: \(6 - done) created"), "\(rerun.text)")
    _ = try await server.interrupt()
  }

  @Test func aClosedOutputPipeNeverStopsAnApply() async throws {
    let directory = try Self.project()
    defer { try? FileManager.default.removeItem(at: directory) }
    let key = "heho_local_closed_pipe_test_key_0123456789abcdef"
    let (server, endpoint) = try await Self.slowServer(in: directory, key: key, latency: 50)
    let project = directory.appendingPathComponent("project").path
    var environment = ProcessInfo.processInfo.environment
    environment["HEHO_API_KEY"] = key
    let apply = try ServerProcess(
      [
        try HehoBinary.require(), "apply", "-f", project, "--endpoint", endpoint,
        "--auto-approve",
      ], in: directory, environment: environment, closedOutput: true)
    let status = try await apply.waitForExit()
    #expect(status == 0, "\(apply.output)")
    let plan = try await Self.heho(
      ["plan", "-f", project, "--endpoint", endpoint, "--detailed-exitcode"], in: directory,
      environment: ["HEHO_API_KEY": key])
    #expect(plan.status == 0, "\(plan.text)")
    _ = try await server.interrupt()
  }

  /// The first chatbot the served platform lists, as a create request body.
  static func firstChatbot(endpoint: String, key: String) async throws -> [String: Any] {
    let url = try #require(URL(string: endpoint + "/api/v1/chatbots/manage"))
    var request = URLRequest(url: url)
    request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
    let (data, _) = try await URLSession.shared.data(for: request)
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    var bot = try #require((object?["chatbots"] as? [[String: Any]])?.first)
    for field in ["id", "created_at"] { bot[field] = nil }
    return bot.filter { !($0.value is NSNull) }
  }

  /// POSTs JSON; the status.
  static func post(_ address: String, key: String, json: [String: Any]) async throws -> Int {
    let url = try #require(URL(string: address))
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = try JSONSerialization.data(withJSONObject: json)
    let (_, response) = try await URLSession.shared.data(for: request)
    return (response as? HTTPURLResponse)?.statusCode ?? 0
  }
}
