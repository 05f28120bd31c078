import LocalServerKit

/// A chatbot as the platform stores and returns it.
struct Chatbot: Sendable, Hashable, Codable {
  /// One of the three data-table slots of a chatbot.
  struct DataTable: Sendable, Hashable {
    /// The table name, `nil` when the slot is empty.
    var name: String?
    var read = false
    var write = false
    var edit = false
  }

  var id: String
  var name: String
  var goal: String
  var description: String
  var model: String
  var tone: String
  var theme: String
  /// The slots `data_table_1` to `data_table_3`.
  var dataTables: [DataTable]
  /// Creation time, ISO 8601 UTC.
  var createdAt: String

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(
    id: String, name: String, goal: String, description: String, model: String, tone: String,
    theme: String, dataTables: [DataTable], createdAt: String
  ) {
    self.id = id
    self.name = name
    self.goal = goal
    self.description = description
    self.model = model
    self.tone = tone
    self.theme = theme
    self.dataTables = dataTables
    self.createdAt = createdAt
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(id, forKey: Key("id"))
    try container.encode(name, forKey: Key("name"))
    try container.encode(goal, forKey: Key("goal"))
    try container.encode(description, forKey: Key("description"))
    try container.encode(model, forKey: Key("model"))
    try container.encode(tone, forKey: Key("tone"))
    try container.encode(theme, forKey: Key("theme"))
    for (index, slot) in dataTables.enumerated() {
      let prefix = "data_table_\(index + 1)"
      if let name = slot.name {
        try container.encode(name, forKey: Key(prefix))
      } else {
        try container.encodeNil(forKey: Key(prefix))
      }
      try container.encode(slot.read, forKey: Key(prefix + "_read"))
      try container.encode(slot.write, forKey: Key(prefix + "_write"))
      try container.encode(slot.edit, forKey: Key(prefix + "_edit"))
    }
    try container.encode(createdAt, forKey: Key("created_at"))
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    id = try container.decode(String.self, forKey: Key("id"))
    name = try container.decode(String.self, forKey: Key("name"))
    goal = try container.decode(String.self, forKey: Key("goal"))
    description = try container.decode(String.self, forKey: Key("description"))
    model = try container.decode(String.self, forKey: Key("model"))
    tone = try container.decode(String.self, forKey: Key("tone"))
    theme = try container.decode(String.self, forKey: Key("theme"))
    dataTables = try (1...3).map { index in
      let prefix = "data_table_\(index)"
      return DataTable(
        name: try container.decodeIfPresent(String.self, forKey: Key(prefix)),
        read: try container.decode(Bool.self, forKey: Key(prefix + "_read")),
        write: try container.decode(Bool.self, forKey: Key(prefix + "_write")),
        edit: try container.decode(Bool.self, forKey: Key(prefix + "_edit")))
    }
    createdAt = try container.decode(String.self, forKey: Key("created_at"))
  }
}
