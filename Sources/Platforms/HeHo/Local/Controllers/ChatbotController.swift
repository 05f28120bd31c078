import Hummingbird
import LocalServerKit

/// `POST`, `GET` and `DELETE /api/v1/chatbots/manage`.
struct ChatbotController: Sendable {
  /// Chatbot storage.
  let chatbots: ChatbotStore
  /// Table lookup, for data-table slots.
  let tables: TableService
  /// HeHo's settings as they are now, for the test-only one that alters what a create stores.
  let settings: @Sendable () -> HeHoLocalSettings

  struct CreatedResponse: Encodable, Sendable {
    var success: Bool
    var chatbot: Chatbot
  }

  struct DeletedResponse: Encodable, Sendable {
    var success: Bool
    var id: String
  }

  /// Adds the routes to a group.
  func addRoutes(to group: RouterGroup<LocalRequestContext>) {
    group.on(path(HeHoRoutes.createChatbot), method: .post) { request, context in
      let organization = try context.requireOrganization()
      let body = try await RequestBodyDecoder.decode(
        CreateChatbotRequest.self, from: request, context: context)
      let tables = self.tables
      let validator = ChatbotValidator { name in
        try await tables.find(name, organization: organization)
      }
      var chatbot = try await validator.validate(body)
      if let theme = settings().storedChatbotTheme { chatbot.theme = theme }
      try await chatbots.insert(chatbot, organization: organization)
      return try JSONResponse.make(
        CreatedResponse(success: true, chatbot: chatbot), status: .created)
    }
    group.on(path(HeHoRoutes.listChatbots), method: .get) { _, context in
      let organization = try context.requireOrganization()
      let list = try await chatbots.list(organization: organization)
      return JSONResponse.make(writing: JSONList(key: "chatbots", elements: list))
    }
    group.on(path(HeHoRoutes.deleteChatbot), method: .delete) { request, context in
      let organization = try context.requireOrganization()
      guard let id = request.uri.queryParameters.get("chatbotId"), !id.isEmpty else {
        throw LocalAPIError.badRequest(
          "chatbotId is required as a query parameter (?chatbotId=ID)", field: "chatbotId")
      }
      guard try await chatbots.delete(id: id, organization: organization) else {
        throw LocalAPIError.notFound(
          "no chatbot with id '\(SQLIdentifier.printable(id))' in this organization",
          field: "chatbotId")
      }
      return try JSONResponse.make(DeletedResponse(success: true, id: id))
    }
  }
}
