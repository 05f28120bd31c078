import Foundation
import GRDB
import LocalServerKit

/// Access and refresh tokens, stored hashed. A pair shares a session: revoking or refreshing
/// either ends both.
struct TokenStore: Sendable {
  let pool: DatabasePool
  /// Seconds an access token lives.
  let accessLifetime: TimeInterval
  /// Seconds a refresh token lives.
  let refreshLifetime: TimeInterval

  enum Kind: String {
    case access, refresh
  }

  /// A token pair, as `POST /auth/token` and `POST /auth/refresh` answer.
  struct Issued: Encodable, Sendable {
    var accessToken: String
    var refreshToken: String
    var tokenType = "Bearer"
    var expiresIn: Int

    enum CodingKeys: String, CodingKey {
      case accessToken = "access_token"
      case refreshToken = "refresh_token"
      case tokenType = "token_type"
      case expiresIn = "expires_in"
    }
  }

  /// A stored token's owner and session.
  struct Holder: Sendable {
    var organization: Organization
    var session: String
    var kind: Kind
  }

  /// Issues a new pair for `organization`.
  func issue(organization: Organization) async throws -> Issued {
    let access = LocalID.make("bh_at_", length: 40)
    let refresh = LocalID.make("bh_rt_", length: 40)
    let session = LocalID.make("ses_")
    let now = Date().timeIntervalSince1970
    try await pool.write { db in
      for (token, kind, lifetime) in [
        (access, Kind.access, accessLifetime), (refresh, Kind.refresh, refreshLifetime),
      ] {
        try db.execute(
          sql: """
            INSERT INTO bothero_tokens (hash, organization_id, session, kind, expires_at)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [APIKey.hash(token), organization.id, session, kind.rawValue, now + lifetime])
      }
    }
    return Issued(accessToken: access, refreshToken: refresh, expiresIn: Int(accessLifetime))
  }

  /// The holder of a live token; `nil` for a string that is no token. A revoked or expired
  /// token is a 401 that says which.
  func holder(of token: String) async throws -> Holder? {
    let row = try await pool.read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT t.session, t.kind, t.expires_at, t.revoked, o.id, o.name FROM bothero_tokens t
          JOIN organizations o ON o.id = t.organization_id WHERE t.hash = ?
          """, arguments: [APIKey.hash(token)])
    }
    guard let row, let kind = Kind(rawValue: row["kind"]) else { return nil }
    if row["revoked"] as Bool {
      throw LocalAPIError.unauthorized("the token was revoked; get a new one: POST /v1/auth/token")
    }
    if (row["expires_at"] as Double) < Date().timeIntervalSince1970 {
      throw LocalAPIError.unauthorized(
        kind == .access
          ? "the access token has expired; renew it: POST /v1/auth/refresh"
          : "the refresh token has expired; get a new pair: POST /v1/auth/token")
    }
    return Holder(
      organization: Organization(id: row["id"] as String, name: row["name"] as String),
      session: row["session"],
      kind: kind)
  }

  /// Revokes both tokens of a session.
  func revoke(session: String) async throws {
    try await pool.write { db in
      try db.execute(
        sql: "UPDATE bothero_tokens SET revoked = 1 WHERE session = ?", arguments: [session])
    }
  }
}
