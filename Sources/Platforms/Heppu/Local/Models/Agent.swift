import Foundation
import HeppuProvider
import LocalServerKit

/// A Heppu agent, exactly as the seed's agent object: camelCase, ISO timestamps.
struct Agent: Encodable, Sendable, Hashable {
  var id: String
  var name: String
  var type: String
  var status: String
  var model: String
  var instructions: String
  var config: [String: JSONValue]
  var tools: [AgentCatalog.Tool]
  var phoneNumbers: [String]
  var createdAt: String
  var updatedAt: String

  /// A new agent of `type` with every default, before the request's fields are applied.
  static func new(type: String, now: String) -> Agent {
    Agent(
      id: UUID().uuidString.lowercased(), name: "", type: type, status: "active",
      model: AgentCatalog.defaultModels[type] ?? "", instructions: "",
      config: AgentConfig.defaults(for: type), tools: [], phoneNumbers: [], createdAt: now,
      updatedAt: now)
  }

  /// The request members an agent has.
  static let members = [
    "name", "type", "status", "model", "instructions", "config", "tools", "phoneNumbers",
  ]

  /// Applies a create's or an update's fields; 400 naming the field on anything invalid.
  mutating func apply(_ fields: [String: JSONValue], creating: Bool) throws {
    let check = FieldCheck(
      fields: fields, what: "agent", readOnly: ["id", "createdAt", "updatedAt", "deletedAt"])
    try check.known(Self.members)
    if creating, fields["name"] == nil {
      throw LocalAPIError.badRequest("name is required: 1 to 100 characters", field: "name")
    }
    if let name = try check.string("name", length: 1...100) { self.name = name }
    if let type = try check.string("type", length: 1...10), type != self.type {
      throw LocalAPIError.badRequest(
        "type cannot be changed (the agent is \(self.type)); create a new agent instead",
        field: "type")
    }
    if let status = try check.string("status", length: 1...20) {
      guard AgentCatalog.statuses.contains(status) else {
        throw LocalAPIError.badRequest(
          "status must be one of \(AgentCatalog.statuses.joined(separator: ", "))",
          field: "status")
      }
      self.status = status
    }
    if let model = try check.string("model", length: 1...100) { self.model = model }
    if let text = try check.string("instructions", length: 0...20_000) { instructions = text }
    if let value = fields["config"] {
      config = try AgentConfig(type: type).merged(value, into: config)
    }
    if let value = fields["tools"] { tools = try Self.tools(value, type: type) }
    if let value = fields["phoneNumbers"] {
      phoneNumbers = try Self.phoneNumbers(value, type: type)
    }
  }

  /// `tools`: catalog IDs, or objects with an `id`, each allowed for the agent's type, once.
  static func tools(_ value: JSONValue, type: String) throws -> [AgentCatalog.Tool] {
    guard case .array(let elements) = value else {
      throw LocalAPIError.badRequest("tools must be an array of tool IDs", field: "tools")
    }
    var tools: [AgentCatalog.Tool] = []
    for element in elements {
      let id: String?
      switch element {
      case .string(let text): id = text
      case .object(let object):
        if case .string(let text)? = object["id"] { id = text } else { id = nil }
      default: id = nil
      }
      guard let id, let tool = AgentCatalog.tools.first(where: { $0.id == id }) else {
        throw LocalAPIError.badRequest(
          "tools must name tools of the catalog: "
            + AgentCatalog.tools.map(\.id).joined(separator: ", "), field: "tools")
      }
      guard tool.types.contains(type) else {
        throw LocalAPIError.badRequest(
          "tool '\(id)' is for \(tool.types.joined(separator: " and ")) agents only", field: "tools"
        )
      }
      guard !tools.contains(tool) else {
        throw LocalAPIError.badRequest("tool '\(id)' is listed twice", field: "tools")
      }
      tools.append(tool)
    }
    return tools
  }

  /// `phoneNumbers`: E.164 numbers, on voice agents only, each once.
  static func phoneNumbers(_ value: JSONValue, type: String) throws -> [String] {
    guard case .array(let elements) = value else {
      throw LocalAPIError.badRequest(
        "phoneNumbers must be an array of E.164 numbers", field: "phoneNumbers")
    }
    var numbers: [String] = []
    for element in elements {
      guard case .string(let number) = element, AgentCatalog.isE164(number) else {
        throw LocalAPIError.badRequest(
          "phoneNumbers must be E.164 numbers such as +15550100", field: "phoneNumbers")
      }
      guard !numbers.contains(number) else {
        throw LocalAPIError.badRequest("\(number) is listed twice", field: "phoneNumbers")
      }
      numbers.append(number)
    }
    if type != "voice" && !numbers.isEmpty {
      throw LocalAPIError.badRequest(
        "phone numbers are for voice agents only; this agent is \(type)", field: "phoneNumbers")
    }
    return numbers
  }
}
