import Foundation
import GRDB
import Hummingbird
import LocalServerKit

/// BotHero's part of the local platform: bots, webhooks, access tokens, knowledge documents,
/// conversations, leads and webhook deliveries in the shared database, at the seed's paths
/// under `/v1`.
package struct BotHeroLocalModule: LocalPlatformModule {
  /// How long an access token lives, in seconds (an hour; tests shorten it).
  package var accessTokenLifetime: TimeInterval
  /// How long a refresh token lives, in seconds (thirty days).
  package var refreshTokenLifetime: TimeInterval
  /// The largest knowledge file accepted, in bytes (10 MiB; tests lower it).
  package var maximumDocumentSize: Int

  /// Creates the module.
  package init(
    accessTokenLifetime: TimeInterval = 3600, refreshTokenLifetime: TimeInterval = 2_592_000,
    maximumDocumentSize: Int = KnowledgeDocument.maximumSize
  ) {
    self.accessTokenLifetime = accessTokenLifetime
    self.refreshTokenLifetime = refreshTokenLifetime
    self.maximumDocumentSize = maximumDocumentSize
  }

  package var platform: String { "bothero" }
  package var pathPrefix: String { BotHeroRoutes.prefix }
  package var routes: [LocalRoute] { BotHeroRoutes.all }

  /// `{"error": {"type": "...", "message": "...", "param": "..."}}`, the shape
  /// `docs/bothero-api-contract.md` gives.
  package func errorResponse(_ error: LocalAPIError) throws -> Response {
    try error.response(body: BotHeroErrorBody(error))
  }

  package func registerMigrations(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("bothero-v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE bothero_bots (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            name TEXT NOT NULL, model TEXT NOT NULL, instructions TEXT NOT NULL,
            welcome_message TEXT NOT NULL, temperature REAL NOT NULL,
            lead_capture INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
          CREATE INDEX bothero_bots_by_name ON bothero_bots (organization_id, name);
          CREATE TABLE bothero_webhooks (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            name TEXT NOT NULL, url TEXT NOT NULL, events TEXT NOT NULL,
            bot_id TEXT REFERENCES bothero_bots(id) ON DELETE CASCADE,
            active INTEGER NOT NULL, secret TEXT NOT NULL, secret_salt TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
          CREATE TABLE bothero_tokens (
            hash TEXT PRIMARY KEY NOT NULL,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            session TEXT NOT NULL, kind TEXT NOT NULL, expires_at REAL NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0);
          CREATE INDEX bothero_tokens_by_session ON bothero_tokens (session);
          CREATE TABLE bothero_documents (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            bot_id TEXT NOT NULL REFERENCES bothero_bots(id) ON DELETE CASCADE,
            name TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL,
            sha256 TEXT NOT NULL, content BLOB NOT NULL, status TEXT NOT NULL,
            created_at TEXT NOT NULL);
          CREATE INDEX bothero_documents_by_bot ON bothero_documents (bot_id);
          CREATE TABLE bothero_conversations (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            bot_id TEXT NOT NULL REFERENCES bothero_bots(id) ON DELETE CASCADE,
            started_at TEXT NOT NULL, last_message_at TEXT NOT NULL, last_unix REAL NOT NULL,
            ended_at TEXT, UNIQUE (organization_id, id));
          CREATE TABLE bothero_messages (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL, conversation_id TEXT NOT NULL, bot_id TEXT NOT NULL
              REFERENCES bothero_bots(id) ON DELETE CASCADE,
            role TEXT NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL);
          CREATE INDEX bothero_messages_by_conversation
            ON bothero_messages (organization_id, conversation_id);
          CREATE TABLE bothero_leads (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL, bot_id TEXT NOT NULL
              REFERENCES bothero_bots(id) ON DELETE CASCADE,
            conversation_id TEXT NOT NULL, email TEXT NOT NULL, captured_at TEXT NOT NULL);
          CREATE TABLE bothero_deliveries (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
            webhook_id TEXT NOT NULL REFERENCES bothero_webhooks(id) ON DELETE CASCADE,
            event_id TEXT NOT NULL, event_type TEXT NOT NULL, attempt INTEGER NOT NULL,
            succeeded INTEGER NOT NULL, status_code INTEGER, error TEXT,
            delivered_at TEXT NOT NULL);
          """)
    }
    // The delivery log names the conversation of a chat's event. A database made before keeps
    // its attempts, which belong to no known conversation (NULL).
    migrator.registerMigration("bothero-v2-delivery-conversations") { db in
      try db.execute(sql: "ALTER TABLE bothero_deliveries ADD COLUMN conversation_id TEXT")
    }
  }

  package func open(_ shared: LocalSharedServices) throws -> any LocalPlatformPart {
    BotHeroLocalPart(shared: shared, module: self)
  }
}

/// BotHero's error body.
struct BotHeroErrorBody: Encodable {
  struct Detail: Encodable {
    var type: String
    var message: String
    var param: String?
  }

  var error: Detail

  init(_ error: LocalAPIError) {
    let type =
      switch error.status.code {
      case 401: "authentication_error"
      case 404: "not_found_error"
      case 409: "conflict_error"
      case 429: "rate_limit_error"
      case 500...: "api_error"
      default: "invalid_request_error"
      }
    self.error = Detail(type: type, message: error.message, param: error.field)
  }
}
