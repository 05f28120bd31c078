/// A chatbot as the HeHo API returns it.
struct HeHoChatbotWire: Decodable, Sendable {
  var id: String
  var name: String
  var goal: String?
  var description: String?
  var model: String?
  var tone: String?
  var theme: String?
  var slots: [HeHoSlotWire]

  enum CodingKeys: String, CodingKey {
    case id, name, goal, description, model, tone, theme
  }

  struct SlotKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    name = try container.decode(String.self, forKey: .name)
    goal = try container.decodeIfPresent(String.self, forKey: .goal)
    description = try container.decodeIfPresent(String.self, forKey: .description)
    model = try container.decodeIfPresent(String.self, forKey: .model)
    tone = try container.decodeIfPresent(String.self, forKey: .tone)
    theme = try container.decodeIfPresent(String.self, forKey: .theme)
    let slotContainer = try decoder.container(keyedBy: SlotKey.self)
    slots = try (1...3).compactMap { index -> HeHoSlotWire? in
      func flag(_ suffix: String) throws -> Bool {
        try slotContainer.decodeIfPresent(
          Bool.self, forKey: SlotKey(stringValue: "data_table_\(index)_\(suffix)")) ?? false
      }
      guard
        let table = try slotContainer.decodeIfPresent(
          String.self, forKey: SlotKey(stringValue: "data_table_\(index)")), !table.isEmpty
      else { return nil }
      return HeHoSlotWire(
        table: table, read: try flag("read"), write: try flag("write"), edit: try flag("edit"))
    }
  }
}

/// One of a chatbot's three data-table slots.
struct HeHoSlotWire: Sendable, Hashable {
  var table: String
  var read: Bool
  var write: Bool
  var edit: Bool
}

/// `{"chatbots": [...]}`
struct HeHoChatbotList: Decodable, Sendable {
  var chatbots: [HeHoChatbotWire]
}

/// A table as the HeHo API lists it.
struct HeHoTableWire: Decodable, Sendable {
  struct Column: Decodable, Sendable {
    var name: String
    var dataType: String
    var required: Bool?

    enum CodingKeys: String, CodingKey {
      case name = "column_name"
      case dataType = "data_type"
      case required
    }
  }

  var name: String
  var columns: [Column]

  enum CodingKeys: String, CodingKey {
    case name = "table_name"
    case columns
  }
}

/// `{"tables": [...]}`
struct HeHoTableList: Decodable, Sendable {
  var tables: [HeHoTableWire]
}

/// `{"data": [...], "count": N}`
struct HeHoRowsRead: Decodable, Sendable {
  var count: Int?
  var data: [HeHoIgnored]?
}

/// Any JSON value, skipped.
struct HeHoIgnored: Decodable, Sendable {
  init(from decoder: any Decoder) throws {}
}

/// `{"chatbot": {...}}` after a create.
struct HeHoChatbotCreated: Decodable, Sendable {
  var chatbot: HeHoChatbotWire?
}
