import Foundation
import Hummingbird
import LocalServerKit

/// `POST /knowledge/upload`, `GET /knowledge/documents`, `DELETE /knowledge/:id`, and the
/// contract's `GET /knowledge/:id/content`.
struct KnowledgeController: Sendable {
  let documents: DocumentStore
  let bots: BotStore
  let events: EventBus
  /// The largest file accepted, in bytes.
  let limit: Int

  /// Adds the routes to the `/v1` group.
  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.on(path(BotHeroRoutes.upload), method: .post) { request, context in
      let organization = try context.requireOrganization()
      let upload = try await KnowledgeUpload.read(request, limit: limit)
      let document = try await store(upload, organization: organization)
      await events.emit(
        "knowledge.document.ready", data: ["document": document], botID: document.botID,
        organization: organization)
      return try JSONResponse.make(document, status: .created)
    }
    group.on(path(BotHeroRoutes.listDocuments), method: .get) { request, context in
      let organization = try context.requireOrganization()
      let botID = request.uri.queryParameters.get("bot_id")
      let list = try await documents.list(organization: organization, botID: botID)
      return try JSONResponse.make(BotController.Page(data: list))
    }
    group.on(path(BotHeroRoutes.documentContent), method: .get) { _, context in
      let organization = try context.requireOrganization()
      let id = try context.parameters.require("id")
      guard
        let (document, content) = try await documents.content(id: id, organization: organization)
      else {
        throw LocalAPIError.notFound("no document with id '\(id.prefix(100))' in this organization")
      }
      return Response(
        status: .ok,
        headers: [
          .contentType: "\(document.contentType); charset=utf-8", .eTag: "\"\(document.sha256)\"",
        ],
        body: .init(byteBuffer: ByteBuffer(data: content)))
    }
    group.on(path(BotHeroRoutes.deleteDocument), method: .delete) { _, context in
      let organization = try context.requireOrganization()
      let id = try context.parameters.require("id")
      guard let deleted = try await documents.delete(id: id, organization: organization) else {
        throw LocalAPIError.notFound("no document with id '\(id.prefix(100))' in this organization")
      }
      await events.emit(
        "knowledge.document.deleted", data: ["document": deleted], botID: deleted.botID,
        organization: organization)
      return try JSONResponse.make(BotController.Deleted(id: id, deleted: true))
    }
  }

  /// Checks an upload and stores it.
  private func store(_ upload: KnowledgeUpload, organization: Organization) async throws
    -> KnowledgeDocument
  {
    guard let botID = upload.botID, !botID.isEmpty else {
      throw LocalAPIError.badRequest(
        "bot_id is required: the bot the document informs", field: "bot_id")
    }
    guard try await bots.find(id: botID, organization: organization) != nil else {
      throw LocalAPIError.notFound(
        "no bot with id '\(botID.prefix(100))' in this organization", field: "bot_id")
    }
    let fileName = upload.fileName ?? ""
    let name = upload.name.flatMap { $0.isEmpty ? nil : $0 } ?? fileName
    guard !name.isEmpty, name.count <= 255 else {
      throw LocalAPIError.badRequest(
        "the document needs a name of 1 to 255 characters", field: "name")
    }
    let fileExtension = (fileName as NSString).pathExtension.lowercased()
    guard let contentType = KnowledgeDocument.types[fileExtension] else {
      throw LocalAPIError.badRequest(
        "'\(fileName.prefix(100))' is not an accepted type; accepted: \(KnowledgeDocument.accepted)",
        field: "file")
    }
    guard !upload.content.isEmpty else {
      throw LocalAPIError.badRequest("the file '\(fileName.prefix(100))' is empty", field: "file")
    }
    guard String(data: upload.content, encoding: .utf8) != nil else {
      throw LocalAPIError.badRequest(
        "the file '\(fileName.prefix(100))' is not UTF-8 text", field: "file")
    }
    let document = KnowledgeDocument(
      id: LocalID.make("doc_"), botID: botID, name: name, contentType: contentType,
      size: upload.content.count, sha256: upload.sha256, status: "ready",
      createdAt: SQLiteFile.now())
    try await documents.insert(document, content: upload.content, organization: organization)
    return document
  }
}
