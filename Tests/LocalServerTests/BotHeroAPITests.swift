import Foundation
import Testing

@testable import BotHeroLocalServer
@testable import HeHoLocalServer
@_spi(Testing) @testable import LocalServerKit

/// The local BotHero API: tokens, bots and webhooks, against a running server.
@Suite("BotHero API")
struct BotHeroAPITests {
  /// A running local platform serving HeHo and BotHero, and a caller bound to a bearer.
  struct Server: Sendable {
    let platform: LocalPlatform

    /// The largest knowledge file the test servers take: small, so that the oversized case
    /// costs no time (the default, 10 MiB, is checked on its own).
    static let documentLimit = 64 * 1024

    static func start(
      accessTokenLifetime: TimeInterval = 3600,
      _ configuration: LocalPlatformConfiguration = .init()
    ) async throws -> Server {
      let module = BotHeroLocalModule(
        accessTokenLifetime: accessTokenLifetime, maximumDocumentSize: documentLimit)
      let platform = try await LocalPlatform.start(
        configuration, modules: [HeHoLocalModule(), module])
      return Server(platform: platform)
    }

    func call(
      _ method: String, _ path: String, _ body: String? = nil, bearer: String? = nil
    ) async throws -> (status: Int, json: JSONValue) {
      let answer = try await WireCall.json(
        method, platform.baseURL + path, body,
        headers: ["Authorization": "Bearer \(bearer ?? platform.apiKey)"])
      return (answer.status, answer.json)
    }

    /// Sends a request over AsyncHTTPClient (the client heho itself uses).
    func send(
      _ method: String, _ path: String, body: Data?, headers: [String: String]
    ) async throws -> (status: Int, json: JSONValue) {
      let answer = try await WireCall.send(
        method, platform.baseURL + path, body: body, headers: headers)
      return (answer.status, answer.json)
    }

    /// Sends a multipart upload: `parts` as (name, filename or nil, content).
    func upload(
      _ parts: [(name: String, file: String?, content: Data)], contentType: String? = nil
    ) async throws -> (status: Int, json: JSONValue) {
      let boundary = "heho-test-boundary"
      var body = Data()
      for part in parts {
        var header = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
        if let file = part.file { header += "; filename=\"\(file)\"" }
        body.append(Data((header + "\r\n\r\n").utf8))
        body.append(part.content)
        body.append(Data("\r\n".utf8))
      }
      body.append(Data("--\(boundary)--\r\n".utf8))
      return try await send(
        "POST", "/v1/knowledge/upload", body: body,
        headers: [
          "Authorization": "Bearer \(platform.apiKey)",
          "Content-Type": contentType ?? "multipart/form-data; boundary=\(boundary)",
        ])
    }

    func stop() async { try? await platform.shutdown() }
  }

  @Test("a key buys a token pair; refresh rotates it; revoke ends it; expiry is a 401")
  func tokenLifecycle() async throws {
    let server = try await Server.start()
    let issued = try await server.call("POST", "/v1/auth/token")
    #expect(issued.status == 200)
    let access = try #require(issued.json["access_token"]?.stringValue)
    let refresh = try #require(issued.json["refresh_token"]?.stringValue)
    #expect(issued.json["token_type"] == .string("Bearer"))
    #expect(issued.json["expires_in"] == .integer(3600))
    #expect(try await server.call("GET", "/v1/bots", bearer: access).status == 200)
    // A token is not exchanged for tokens, and a refresh token is no bearer elsewhere.
    #expect(try await server.call("POST", "/v1/auth/token", bearer: access).status == 401)
    #expect(try await server.call("GET", "/v1/bots", bearer: refresh).status == 401)

    let renewed = try await server.call("POST", "/v1/auth/refresh", bearer: refresh)
    #expect(renewed.status == 200)
    let newAccess = try #require(renewed.json["access_token"]?.stringValue)
    let old = try await server.call("GET", "/v1/bots", bearer: access)
    #expect(old.status == 401)
    #expect(old.json["error"]?["message"]?.stringValue?.contains("revoked") == true)
    #expect(try await server.call("GET", "/v1/bots", bearer: newAccess).status == 200)

    let revoked = try await server.call("DELETE", "/v1/auth/revoke", bearer: newAccess)
    #expect(revoked.json == .object(["revoked": .bool(true)]))
    #expect(try await server.call("GET", "/v1/bots", bearer: newAccess).status == 401)
    // The key itself stays valid, and HeHo does not take BotHero tokens.
    #expect(try await server.call("GET", "/v1/bots").status == 200)
    #expect(try await server.call("POST", "/api/verify-user", bearer: newAccess).status == 401)
    await server.stop()

    let brief = try await Server.start(accessTokenLifetime: -1)
    let expired = try await brief.call("POST", "/v1/auth/token")
    let token = try #require(expired.json["access_token"]?.stringValue)
    let refused = try await brief.call("GET", "/v1/bots", bearer: token)
    #expect(refused.status == 401)
    #expect(refused.json["error"]?["type"] == .string("authentication_error"))
    #expect(refused.json["error"]?["message"]?.stringValue?.contains("expired") == true)
    await brief.stop()
  }

  @Test("bots: defaults, validation, in-place updates keep the ID, isolation, delete")
  func bots() async throws {
    let server = try await Server.start()
    let created = try await server.call("POST", "/v1/bots", #"{"name": "support"}"#)
    #expect(created.status == 201)
    let id = try #require(created.json["id"]?.stringValue)
    #expect(id.hasPrefix("bot_"))
    #expect(created.json["model"] == .string("gpt-oss-120b"))
    #expect(created.json["temperature"] == .number(0.7))
    #expect(created.json["lead_capture"] == .bool(false))

    let invalid: [(String, String)] = [
      (#"{}"#, "name"), (#"{"name": "x", "model": "gpt-5"}"#, "model"),
      (#"{"name": "x", "temperature": 3}"#, "temperature"),
      (#"{"name": "x", "colour": "red"}"#, "colour"), (#"{"name": "x", "id": "bot_1"}"#, "id"),
    ]
    for (body, field) in invalid {
      let refused = try await server.call("POST", "/v1/bots", body)
      #expect(refused.status == 400, "\(body)")
      #expect(refused.json["error"]?["param"] == .string(field), "\(body): \(refused.json)")
    }

    let patched = try await server.call(
      "PATCH", "/v1/bots/\(id)", #"{"welcome_message": "Hello!", "temperature": 0.2}"#)
    #expect(patched.status == 200)
    #expect(patched.json["id"] == .string(id))
    #expect(patched.json["welcome_message"] == .string("Hello!"))
    #expect(patched.json["name"] == .string("support"))
    let list = try await server.call("GET", "/v1/bots")
    #expect(list.json["data"]?[0]?["temperature"] == .number(0.2))

    let other = try await server.platform.createOrganization(named: "acme")
    #expect(try await server.call("GET", "/v1/bots", bearer: other).json["data"] == .array([]))
    #expect(
      try await server.call("PATCH", "/v1/bots/\(id)", #"{"name": "x"}"#, bearer: other).status
        == 404)
    #expect(try await server.call("DELETE", "/v1/bots/\(id)", bearer: other).status == 404)

    // A second bot with the same name is accepted (the seed promises no unique names).
    #expect(try await server.call("POST", "/v1/bots", #"{"name": "support"}"#).status == 201)
    let deleted = try await server.call("DELETE", "/v1/bots/\(id)")
    #expect(deleted.json == .object(["id": .string(id), "deleted": .bool(true)]))
    #expect(try await server.call("DELETE", "/v1/bots/\(id)").status == 404)
    await server.stop()
  }

  @Test("webhooks: secrets are write-only, hinted by a salted fingerprint, and cascade with bots")
  func webhooks() async throws {
    let server = try await Server.start()
    let bot = try await server.call("POST", "/v1/bots", #"{"name": "support"}"#)
    let botID = try #require(bot.json["id"]?.stringValue)
    let body = """
      {"name": "crm", "url": "http://127.0.0.1:9/hook", "events": ["lead.captured"],
       "bot_id": "\(botID)", "secret": "s3cret-value-1"}
      """
    let created = try await server.call("POST", "/v1/webhooks", body)
    #expect(created.status == 201, "\(created.json)")
    let id = try #require(created.json["id"]?.stringValue)
    #expect(created.json["secret"] == nil)
    let hint = try #require(created.json["secret_hint"]?.stringValue)
    #expect(
      hint == Webhook.hint(secret: "s3cret-value-1", salt: String(hint.split(separator: ":")[1])))
    #expect(!hint.contains("s3cret"))

    let generated = try await server.call(
      "POST", "/v1/webhooks",
      #"{"name": "g", "url": "https://example.com/h", "events": ["bot.updated"]}"#)
    let secret = try #require(generated.json["secret"]?.stringValue)
    #expect(secret.hasPrefix("whsec_"))
    let listed = try await server.call("GET", "/v1/webhooks")
    #expect(!String(describing: listed.json).contains(secret))
    #expect(!String(describing: listed.json).contains("s3cret-value-1"))

    let rotated = try await server.call(
      "PATCH", "/v1/webhooks/\(id)", #"{"secret": "s3cret-value-2"}"#)
    #expect(rotated.json["secret_hint"] != .string(hint))
    let invalid: [(String, String)] = [
      (#"{"events": ["lead.capture"]}"#, "events"), (#"{"url": "ftp://x"}"#, "url"),
      (#"{"secret": "short"}"#, "secret"), (#"{"bot_id": "bot_nope"}"#, "bot_id"),
    ]
    for (patch, field) in invalid {
      let refused = try await server.call("PATCH", "/v1/webhooks/\(id)", patch)
      #expect(refused.status == 400 || refused.status == 404, "\(patch)")
      #expect(refused.json["error"]?["param"] == .string(field), "\(patch): \(refused.json)")
    }
    // Deleting the bot deletes the webhooks scoped to it, and only those.
    #expect(try await server.call("DELETE", "/v1/bots/\(botID)").status == 200)
    let left = try await server.call("GET", "/v1/webhooks")
    #expect(left.json["data"]?[0]?["name"] == .string("g"))
    #expect(left.json["data"]?[1] == nil)
    await server.stop()
  }
}
