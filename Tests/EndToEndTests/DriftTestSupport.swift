import ArgumentParser
import Foundation
import HehoCLI
import HehoTestSupport
import LocalServerKit
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What a command run printed and how it ended.
typealias CommandRun = CommandResult

/// A HehoLocal platform on a free port with a fresh database, and the `heho` command run
/// in-process against it.
final class DriftWorld: Sendable {
  let platform: LocalPlatform
  let root: URL

  init() async throws {
    platform = try await LocalPlatform.start(LocalPlatformConfiguration(port: 0))
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-drift-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  func close() async {
    try? await platform.shutdown()
    try? FileManager.default.removeItem(at: root)
  }

  /// Runs `heho ARGUMENTS` with the platform's key in `HEHO_API_KEY` (and `extraEnvironment`).
  func run(_ arguments: [String], extraEnvironment: [String: String] = [:]) async -> CommandRun {
    var environment = ["HEHO_API_KEY": platform.apiKey, "NO_COLOR": "1"]
    environment.merge(extraEnvironment) { _, new in new }
    return await InProcessHeho.run(arguments, environment: environment)
  }

  /// `heho COMMAND -f PATH --endpoint URL ...`.
  func heho(_ command: String, _ path: URL, _ extra: [String] = []) async -> CommandRun {
    await run([command, "-f", path.path, "--endpoint", platform.baseURL] + extra)
  }

  /// A directory under the world's root holding `files` (relative path → text).
  func directory(_ name: String, _ files: [String: String]) throws -> URL {
    let directory = root.appendingPathComponent(name)
    for (path, text) in files {
      let url = directory.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return directory
  }

  /// The directory `account` holding `files`, applied to the platform (the test stops if the
  /// apply fails).
  func applied(_ files: [String: String]) async throws -> URL {
    let manifests = try directory("account", files)
    let apply = await heho("apply", manifests, ["--auto-approve"])
    try #require(apply.code == 0, "apply failed: \(apply.err)")
    return manifests
  }

  /// Calls the platform API directly, as someone changing things by hand would.
  @discardableResult
  func api(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> [String:
    Any]
  {
    try await PlatformAPI(baseURL: platform.baseURL, key: platform.apiKey)
      .object(method, path, json: body)
  }

  /// The live chatbots, by name.
  func chatbots() async throws -> [String: [String: Any]] {
    let list = try await api("GET", "/api/v1/chatbots/manage")["chatbots"] as? [[String: Any]] ?? []
    var result: [String: [String: Any]] = [:]
    for bot in list { if let name = bot["name"] as? String { result[name] = bot } }
    return result
  }

  /// Deletes the chatbot `name` and creates it again with `changes` applied (HeHo has no update).
  func recreateChatbot(_ name: String, _ changes: [String: Any]) async throws {
    var bot = try #require(try await chatbots()[name])
    let id = try #require(bot["id"] as? String)
    try await api("DELETE", "/api/v1/chatbots/manage?chatbotId=\(id)")
    for key in ["id", "created_at"] { bot[key] = nil }
    bot = bot.filter { !($0.value is NSNull) }
    bot.merge(changes) { _, new in new }
    try await api("POST", "/api/v1/chatbots/manage", bot)
  }
}

/// Manifest texts for end-to-end tests.
enum DriftManifests {
  static let description = String(
    repeating: "Answers questions about orders and products politely and precisely. ", count: 4)

  static func table(_ name: String, lifecycle: String = "") -> String {
    """
    apiVersion: heho/v1
    kind: Table
    metadata:
      name: \(name)
    spec:
      columns:
        - { name: id, type: uuid, primaryKey: true }
        - { name: title, type: varchar(80), notNull: true }
        - { name: created_at, type: timestamptz }
    \(lifecycle)
    """
  }

  static func chatbot(_ name: String, tone: String = "friendly", lifecycle: String = "") -> String {
    """
    apiVersion: heho/v1
    kind: Chatbot
    metadata:
      name: \(name)
    spec:
      goal: Customer Support
      description: \(description)
      model: qwen/qwen3-next-80b-a3b-instruct:free
      tone: \(tone)
    \(lifecycle)
    """
  }

  static func permission(_ chatbot: String, _ table: String) -> String {
    """
    apiVersion: heho/v1
    kind: Permission
    metadata:
      name: \(chatbot)-\(table)
    spec:
      chatbot: \(chatbot)
      table: \(table)
      read: true
    """
  }

  /// A support bot reading `orders`, plus a `faq` table.
  static func account(botLifecycle: String = "") -> [String: String] {
    [
      "tables.yaml": table("orders") + "\n---\n" + table("faq"),
      "bots.yaml": chatbot("support-bot", lifecycle: botLifecycle) + "\n---\n"
        + permission("support-bot", "orders"),
    ]
  }
}

/// The repository's root, for `examples/` and `schemas/`.
enum Repository {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

extension DriftWorld {
  /// Runs `body` with a fresh world and closes it afterwards, also when `body` throws.
  static func with(_ body: (DriftWorld) async throws -> Void) async throws {
    let world = try await DriftWorld()
    do {
      try await body(world)
      await world.close()
    } catch {
      await world.close()
      throw error
    }
  }
}
