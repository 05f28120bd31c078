import LocalServerKit

/// The body of `POST /api/v1/chatbots/manage` (all optional here; validation names what is missing).
struct CreateChatbotRequest: Sendable, Decodable {
  var name: String?
  var goal: String?
  var description: String?
  var model: String?
  var tone: String?
  var theme: String?
  var dataTable1: String?
  var dataTable1Read: Bool?
  var dataTable1Write: Bool?
  var dataTable1Edit: Bool?
  var dataTable2: String?
  var dataTable2Read: Bool?
  var dataTable2Write: Bool?
  var dataTable2Edit: Bool?
  var dataTable3: String?
  var dataTable3Read: Bool?
  var dataTable3Write: Bool?
  var dataTable3Edit: Bool?

  enum CodingKeys: String, CodingKey {
    case name, goal, description, model, tone, theme
    case dataTable1 = "data_table_1"
    case dataTable1Read = "data_table_1_read"
    case dataTable1Write = "data_table_1_write"
    case dataTable1Edit = "data_table_1_edit"
    case dataTable2 = "data_table_2"
    case dataTable2Read = "data_table_2_read"
    case dataTable2Write = "data_table_2_write"
    case dataTable2Edit = "data_table_2_edit"
    case dataTable3 = "data_table_3"
    case dataTable3Read = "data_table_3_read"
    case dataTable3Write = "data_table_3_write"
    case dataTable3Edit = "data_table_3_edit"
  }

  /// The three data-table slots with their request field names.
  var slots: [(field: String, slot: Chatbot.DataTable)] {
    [
      (
        "data_table_1",
        .init(
          name: dataTable1, read: dataTable1Read ?? false,
          write: dataTable1Write ?? false, edit: dataTable1Edit ?? false)
      ),
      (
        "data_table_2",
        .init(
          name: dataTable2, read: dataTable2Read ?? false,
          write: dataTable2Write ?? false, edit: dataTable2Edit ?? false)
      ),
      (
        "data_table_3",
        .init(
          name: dataTable3, read: dataTable3Read ?? false,
          write: dataTable3Write ?? false, edit: dataTable3Edit ?? false)
      ),
    ]
  }
}

/// The body of `POST /api/aichat`.
struct ChatRequest: Sendable, Decodable {
  /// One chat message.
  struct Message: Sendable, Decodable {
    var role: String?
    var content: String?
  }

  var chatbotId: String?
  var messages: [Message]?
  var history: [Message]?
}

/// The body of `POST /api/v1/database/manage`.
struct ManageRowsRequest: Sendable, Decodable {
  var action: String?
  var tableName: String?
  var data: [String: JSONValue]?
  var id: JSONValue?
  var query: [String: JSONValue]?
}

/// The body of `POST /api/v1/database/tables`.
struct CreateTableRequest: Sendable, Decodable {
  /// One column definition.
  struct Column: Sendable, Decodable {
    var name: String?
    var type: String?
    var primaryKey: Bool?
    var notNull: Bool?
    var defaultValue: JSONValue?
  }

  var tableName: String?
  var columns: [Column]?
}

/// A body holding only `tableName` (delete and connect).
struct TableNameRequest: Sendable, Decodable {
  var tableName: String?
}
