import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Neither a key nor a webhook secret reaches any output when BotHero and Heppu quote requests
/// back in their errors (`LeakEchoServer`): for reads and writes, under each way an answer
/// becomes an error, in stdout, stderr, the report file and the plan file, whatever encoding
/// the quote used.
@Suite struct EchoLeakTests {
  static let botHeroKey = LeakCheck(
    secret: "bh/ECHOED+BOTHEROKEY=/0123456789==", core: "BOTHEROKEY")
  static let heppuKey = LeakCheck(secret: "hp/ECHOED+HEPPUKEY=/9876543210==", core: "HEPPUKEY")
  static let secret = LeakCheck(secret: "wh/ECHOED+SIGNINGSECRET=/abc==", core: "SIGNINGSECRET")
  static let checks = [botHeroKey, heppuKey, secret]

  /// A bot, a webhook with a secret and an agent; the webhook names no bot, so that its create
  /// is sent even when the bot's fails.
  static let manifests = """
    apiVersion: heho/v1
    kind: Project
    metadata:
      name: echo-leak
    spec:
      providers:
        bothero:
          endpoint: https://api.bothero.ai/v1
          apiKeyEnv: BOTHERO_API_KEY
        heppu:
          endpoint: https://v2.heppu.ai/api/v1
          apiKeyEnv: HEPPU_API_KEY
      prune: false
    ---
    apiVersion: bothero/v1
    kind: Bot
    metadata:
      name: echo-bot
    spec:
      instructions: Answer questions about orders.
    ---
    apiVersion: bothero/v1
    kind: Webhook
    metadata:
      name: echo-hook
    spec:
      url: https://crm.example.com/hooks/echo
      events: [lead.captured]
      secret: ${env.ECHO_WEBHOOK_SECRET}
    ---
    apiVersion: heppu/v1
    kind: Agent
    metadata:
      name: echo-agent
    spec:
      type: chat
      instructions: Answer questions about orders.
    """

  /// Every command against the echo server: its result and the files it was asked to write.
  struct Run {
    var command: String
    var result: RunResult
    var files: [String: String]

    /// Everything a reader could see: output, errors and files.
    var all: String { ([result.out, result.err] + files.values.sorted()).joined(separator: "\n") }
  }

  static func runCommands(port: Int, in directory: URL) async throws -> [Run] {
    let endpoints = [
      "--endpoint", "bothero=http://127.0.0.1:\(port)/v1",
      "--endpoint", "heppu=http://127.0.0.1:\(port)/api/v1",
    ]
    let environment = [
      "BOTHERO_API_KEY": botHeroKey.secret, "HEPPU_API_KEY": heppuKey.secret,
      "ECHO_WEBHOOK_SECRET": secret.secret, "NO_COLOR": "1",
    ]
    var runs: [Run] = []
    for (command, file) in [
      (["plan", "--out"], "plan.json"),
      (["apply", "--auto-approve", "--report-file"], "apply.json"),
      (["drift", "--report-file"], "drift.txt"),
    ] {
      let path = directory.appendingPathComponent(file).path
      let result = await Harness.runCommand(
        command + [path, "-f", directory.path] + endpoints, environment: environment)
      var files: [String: String] = [:]
      if let text = try? String(contentsOfFile: path, encoding: .utf8) { files[file] = text }
      runs.append(Run(command: command[0], result: result, files: files))
    }
    return runs
  }

  /// The exit code each command must end with.
  static func expectedCode(_ command: String, scope: LeakEchoServer.Scope) -> Int32 {
    switch (scope, command) {
    case (.reads, _): 1
    case (.writes, "plan"): 0
    case (.writes, "drift"): 2
    default: 1
    }
  }

  @Test(arguments: LeakEchoServer.Scope.allCases, LeakEchoServer.Answer.allCases)
  func neitherKeyNorSecretReachesAnyOutput(
    scope: LeakEchoServer.Scope, answer: LeakEchoServer.Answer
  ) async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-echo-leak-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.manifests.write(
      to: directory.appendingPathComponent("heho.yaml"), atomically: true, encoding: .utf8)
    let server = LeakEchoServer(answer: answer, scope: scope)
    let runs = try await server.application().test(.live) { client in
      try await Self.runCommands(port: try #require(client.port), in: directory)
    }
    let log = server.log
    let label = "\(scope)/\(answer)"
    for run in runs {
      let context = "\(run.command) under \(label): \(run.result.all)"
      #expect(run.result.code == Self.expectedCode(run.command, scope: scope), "\(context)")
      for check in Self.checks {
        #expect(
          check.found(in: run.all).isEmpty,
          "\(check.core) in \(check.found(in: run.all)): \(context)")
      }
    }
    // The server really got the keys (and, for writes, the secret): there was something to leak.
    #expect(log.requests(withKey: Self.botHeroKey.secret) >= 3 * 3, "\(log.routes)")
    #expect(log.requests(withKey: Self.heppuKey.secret) >= 3, "\(log.routes)")
    if scope == .writes {
      let creates = answer == .unavailable ? 4 : 1
      #expect(log.requests(withSecret: Self.secret.secret) >= creates, "\(log.routes)")
      #expect(log.routes["POST /api/v1/agents", default: 0] >= creates, "\(log.routes)")
    }
    if answer == .unavailable && scope == .reads {
      // Retried: five attempts at each list, for each of the three commands.
      #expect(log.routes["GET /v1/bots", default: 0] >= 3 * 5, "\(log.routes)")
    }
    let echoed = scope == .reads ? runs : runs.filter { $0.command == "apply" }
    for run in echoed {
      let text = run.all
      let context = "\(run.command) under \(label): \(text)"
      guard answer != .malformed else {
        // Nothing of a 200's body ever reaches the output: an unreadable list is reported by
        // the request and the type heho expected; a create answered 200 is done, its body
        // only read for the new ID (none here), and the read-back finds nothing. So the
        // malformed path is asserted by those messages and by the counts above (the keys and
        // the secret really reached the server), not by a redacted echo.
        let expected =
          scope == .reads
          ? "returned a body heho cannot read" : "not on the platform although apply made it"
        #expect(text.contains(expected), "\(context)")
        #expect(!text.contains(LeakEchoServer.marker), "\(context)")
        continue
      }
      // The echo reached the output in all three encodings, each key and secret redacted.
      #expect(text.contains(LeakEchoServer.marker), "\(context)")
      #expect(text.components(separatedBy: "Bearer [redacted]").count - 1 >= 2, "\(context)")
      #expect(text.contains("Bearer%20[redacted]"), "\(context)")
      if scope == .writes {
        #expect(text.contains("\"secret\":\"[redacted]\""), "\(context)")
        #expect(text.contains("\\\"secret\\\":\\\"[redacted]\\\""), "\(context)")
        #expect(text.contains("%22secret%22%3A%22[redacted]%22"), "\(context)")
        #expect(run.files["apply.json"]?.contains(LeakEchoServer.marker) == true, "\(context)")
      }
    }
    print("echo \(label): \(log.routes.sorted { $0.key < $1.key })")
  }

  /// The check catches a leak: the echo server's raw answer, read without heho, holds every
  /// key and the secret in each encoding it claims; `Redactor`-free text fails the check.
  @Test func theCheckCatchesAnUnredactedEcho() async throws {
    let server = LeakEchoServer(answer: .badRequest, scope: .reads)
    let raw = try await server.application().test(.live) { client in
      let body = "{\"secret\":\"\(LeakEchoServer.jsonEscaped(Self.secret.secret))\"}"
      let response = try await client.execute(
        uri: "/v1/webhooks", method: .post,
        headers: [.authorization: "Bearer \(Self.botHeroKey.secret)"],
        body: ByteBuffer(string: body))
      #expect(response.status == .badRequest)
      let object = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
      return try #require((object as? [String: Any])?["error"] as? String)
    }
    #expect(server.log.requests(withKey: Self.botHeroKey.secret) == 1)
    #expect(server.log.requests(withSecret: Self.secret.secret) == 1)
    for form in ["plain", "JSON-escaped", "percent-encoded", "distinguishing part"] {
      #expect(Self.botHeroKey.found(in: raw).contains(form), "\(form): \(raw)")
    }
    for form in [
      "JSON-escaped", "JSON-escaped twice", "percent-encoded JSON", "distinguishing part",
    ] {
      #expect(Self.secret.found(in: raw).contains(form), "\(form): \(raw)")
    }
  }
}
