import Foundation
@_spi(Testing) import HeHoLocalServer
import HehoTestSupport
@_spi(Testing) import LocalServerKit
@testable import HeHoProvider

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Calls the platform's API with one organization's key: to build a scenario's live state
/// by hand (as a person would, out of band) and to observe the result.
struct PlatformClient: Sendable {
  let platform: LocalPlatform
  let organization: String
  let key: String

  /// Sends a request and returns the body of a 2xx response; throws on any other status.
  @discardableResult
  func send(_ method: String, _ path: String, json: [String: Any]? = nil) async throws -> Data {
    try await PlatformAPI(baseURL: platform.baseURL, key: key).send(method, path, json: json)
  }

  /// Creates a table as a person would, with the API.
  func create(_ table: TableModel) async throws {
    let columns: [[String: Any]] = table.columns.map { column in
      var object: [String: Any] = ["name": column.name, "type": column.spelling]
      if column.primaryKey { object["primaryKey"] = true }
      if column.notNull { object["notNull"] = true }
      return object
    }
    try await send(
      "POST", "/api/v1/database/tables", json: ["tableName": table.name, "columns": columns])
  }

  /// Adds `count` rows through the row API, with a value for every column.
  func addRows(to table: TableModel, count: Int) async throws {
    for index in 0..<count {
      var data: [String: Any] = [:]
      for column in table.columns {
        data[column.name] = Self.value(column, index: index)
      }
      try await send(
        "POST", "/api/v1/database/manage",
        json: ["action": "add", "tableName": table.name, "data": data])
    }
  }

  static func value(_ column: ColumnModel, index: Int) -> Any {
    switch column.family {
    case .uuid: UUID().uuidString.lowercased()
    case .text, .varchar: "v\(index)"
    case .integer: index + 1
    case .numeric: Double(index) + 1.5
    case .boolean: index % 2 == 0
    case .date: "2026-01-0\(index + 1)"
    case .timestamptz: "2026-01-02T03:04:0\(index)Z"
    }
  }

  /// Creates a chatbot as a person would, with the API; slots in the given order.
  func create(_ chatbot: ChatbotModel) async throws {
    var body: [String: Any] = [
      "name": chatbot.name, "goal": chatbot.goal, "description": chatbot.description,
      "model": chatbot.model,
    ]
    if let tone = chatbot.tone { body["tone"] = tone }
    if let theme = chatbot.theme { body["theme"] = theme }
    for (index, access) in chatbot.access.enumerated() {
      let slot = "data_table_\(index + 1)"
      body[slot] = access.table
      body[slot + "_read"] = access.read
      body[slot + "_write"] = access.write
      body[slot + "_edit"] = access.edit
    }
    try await send("POST", "/api/v1/chatbots/manage", json: body)
  }

  /// Everything observable about the organization: tables, their rows, chatbots.
  func snapshot() async throws -> LiveSnapshot {
    async let chatbotData = send("GET", "/api/v1/chatbots/manage")
    async let tableData = send("GET", "/api/v1/database/manage")
    let decoder = JSONDecoder()
    let chatbots = try decoder.decode(HeHoChatbotList.self, from: await chatbotData).chatbots
    let tables = try decoder.decode(HeHoTableList.self, from: await tableData).tables
    var snapshot = LiveSnapshot()
    for table in tables {
      snapshot.tables[table.name] = table.columns.map {
        ColumnShape(
          name: $0.name, family: TypeFamily(dataType: $0.dataType)?.rawValue ?? $0.dataType,
          required: $0.required ?? false)
      }
      snapshot.rows[table.name] = try await platform.rowCount(
        table: table.name, organization: organization)
    }
    snapshot.chatbots = chatbots.map(\.observed).sorted {
      ($0.settled.name, $0.id) < ($1.settled.name, $1.id)
    }
    return snapshot
  }
}

extension HeHoChatbotWire {
  /// The chatbot as a snapshot holds it, defaults filled in.
  var observed: ObservedChatbot {
    ObservedChatbot(
      id: id,
      settled: SettledChatbot(
        name: name, goal: goal ?? "", description: description ?? "", model: model ?? "",
        tone: tone ?? "professional", theme: theme ?? "sky",
        access: Set(
          slots.map { Access(table: $0.table, read: $0.read, write: $0.write, edit: $0.edit) })))
  }
}
