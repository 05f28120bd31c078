import Foundation
import HehoCLI
import HehoTestSupport
import LocalServerKit
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `heho local keys create` and `heho local sql`, run as the command line runs them, then the
/// database they prepared served by the local platform.
@Suite("heho local commands")
struct LocalCommandsTests {
  static func run(_ arguments: [String]) async -> RunResult {
    await InProcessHeho.run(arguments, environment: ProcessInfo.processInfo.environment)
  }

  /// A database path in a directory of its own, and a way to remove that directory.
  static func database() throws -> (path: String, remove: @Sendable () -> Void) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("heho-local-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return (
      directory.appendingPathComponent("local.sqlite").path,
      { try? FileManager.default.removeItem(at: directory) }
    )
  }

  /// Calls the served API with `key`.
  static func call(
    _ platform: LocalPlatform, key: String, _ method: String, _ path: String, body: String? = nil
  ) async throws -> (status: Int, json: [String: Any]) {
    let url = try #require(URL(string: platform.baseURL + path))
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
    if let body {
      request.httpBody = Data(body.utf8)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    return (status, (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:])
  }

  @Test func keysAndSQLPrepareADatabaseThatTheServedPlatformUses() async throws {
    let (database, remove) = try Self.database()
    defer { remove() }
    let first = await Self.run(["local", "keys", "create", "--org", "acme", "--db", database])
    #expect(first.code == 0, "\(first.err)")
    let key = first.out.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(key.hasPrefix("heho_local_") && key.count == 51)
    let second = await Self.run(["local", "keys", "create", "--org", "acme", "--db", database])
    let otherKey = second.out.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(second.code == 0 && otherKey != key)

    let sql = await Self.run([
      "local", "sql", "--org", "acme", "--db", database,
      "CREATE TABLE legacy_orders (id INTEGER PRIMARY KEY, total NUMERIC)",
    ])
    #expect(sql.code == 0, "\(sql.err)")
    #expect(sql.err.contains("OK"))

    let platform = try await LocalPlatform.start(LocalPlatformConfiguration(databasePath: database))
    do {
      let connected = try await Self.call(
        platform, key: key, "POST", "/api/v1/database/tables/connect",
        body: #"{"tableName": "legacy_orders"}"#)
      #expect(connected.status == 200)
      let listed = try await Self.call(platform, key: otherKey, "GET", "/api/v1/database/manage")
      let names = (listed.json["tables"] as? [[String: Any]] ?? []).compactMap {
        $0["table_name"] as? String
      }
      #expect(names == ["legacy_orders"])
      // The served default organization is another tenant: it sees none of acme's tables.
      let other = try await Self.call(
        platform, key: platform.apiKey, "GET", "/api/v1/database/manage")
      #expect((other.json["tables"] as? [Any])?.isEmpty == true)
    } catch {
      try? await platform.shutdown()
      throw error
    }
    try await platform.shutdown()
  }

  @Test func sqlFailuresSayWhatWentWrong() async throws {
    let (database, remove) = try Self.database()
    defer { remove() }
    let unknown = await Self.run([
      "local", "sql", "--org", "nobody", "--db", database, "CREATE TABLE t (id INTEGER)",
    ])
    #expect(unknown.code == 1)
    #expect(
      unknown.err.contains(
        "no organization named 'nobody'; create it with 'heho local keys create --org nobody'"))
    _ = await Self.run(["local", "keys", "create", "--org", "acme", "--db", database])
    let broken = await Self.run([
      "local", "sql", "--org", "acme", "--db", database, "CREAT TABLE t",
    ])
    #expect(broken.code == 1)
    #expect(broken.err.contains("SQL failed:") && broken.err.contains("syntax error"))
    let empty = await Self.run(["local", "keys", "create", "--org", "", "--db", database])
    #expect(empty.code == 1)
    #expect(empty.err.contains("must be 1 to 100 characters"))
  }

  @Test func sqlRunsOnTheNamedPlatformAndIsRefusedWhereThereAreNoTables() async throws {
    let (database, remove) = try Self.database()
    defer { remove() }
    _ = await Self.run(["local", "keys", "create", "--org", "acme", "--db", database])
    let create = "CREATE TABLE legacy (id INTEGER PRIMARY KEY)"
    let named = await Self.run([
      "local", "sql", "--org", "acme", "--platform", "heho", "--db", database, create,
    ])
    #expect(named.code == 0, "\(named.err)")
    let refused = await Self.run([
      "local", "sql", "--org", "acme", "--platform", "bothero", "--db", database, create,
    ])
    #expect(refused.code == 1)
    #expect(
      refused.err.contains(
        "platform 'bothero' keeps no SQL tables of an organization's own, so SQL cannot run "
          + "there; SQL tables are kept by: heho"), "\(refused.err)")
    let unknown = await Self.run([
      "local", "sql", "--org", "acme", "--platform", "hehoo", "--db", database, create,
    ])
    #expect(unknown.code != 0)
    #expect(
      unknown.err.contains("--platform: unknown platform 'hehoo'; did you mean 'heho'?"),
      "\(unknown.err)")
  }

  @Test func aKeyCanBeLimitedToNamedPlatforms() async throws {
    let (database, remove) = try Self.database()
    defer { remove() }
    let unknown = await Self.run([
      "local", "keys", "create", "--org", "acme", "--platform", "hehoo", "--db", database,
    ])
    #expect(unknown.code != 0)
    #expect(
      unknown.err.contains("unknown platform 'hehoo'; did you mean 'heho'?"), "\(unknown.err)")
    let scoped = await Self.run([
      "local", "keys", "create", "--org", "acme", "--platform", "heho", "--db", database,
    ])
    #expect(scoped.code == 0, "\(scoped.err)")
    let key = scoped.out.trimmingCharacters(in: .whitespacesAndNewlines)
    let platform = try await LocalPlatform.start(LocalPlatformConfiguration(databasePath: database))
    do {
      let verified = try await Self.call(platform, key: key, "POST", "/api/verify-user")
      #expect(verified.status == 200)
    } catch {
      try? await platform.shutdown()
      throw error
    }
    try await platform.shutdown()
  }
}
