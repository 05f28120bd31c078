import Foundation
import LocalServerKit

/// Checks a create-chatbot request against the platform's rules and applies its defaults.
struct ChatbotValidator: Sendable {
  /// Allowed tones; the default is `professional`.
  static let tones = ["friendly", "professional", "strict"]
  /// Allowed themes; the default is `sky`.
  static let themes = ["twilight", "sunrise", "ocean", "forest", "grape", "rose", "sky", "candy"]
  /// The shortest description accepted.
  static let minimumDescriptionLength = 200

  /// Finds the platform table a data-table slot names (`nil` when there is none).
  let findTable: @Sendable (String) async throws -> TableDefinition?

  /// The chatbot to store; throws a 400 naming the first field at fault.
  func validate(_ request: CreateChatbotRequest) async throws -> Chatbot {
    let name = try required(request.name, "name")
    let goal = try required(request.goal, "goal")
    let description = try required(request.description, "description")
    let model = try required(request.model, "model")
    if description.count < Self.minimumDescriptionLength {
      throw LocalAPIError.badRequest(
        "description must be at least \(Self.minimumDescriptionLength) characters "
          + "(got \(description.count))", field: "description")
    }
    let tone = try choice(request.tone, "tone", Self.tones, default: "professional")
    let theme = try choice(request.theme, "theme", Self.themes, default: "sky")
    var slots: [Chatbot.DataTable] = []
    for (field, slot) in request.slots {
      var slot = slot
      if let tableName = slot.name, !tableName.isEmpty {
        guard let table = try await findTable(tableName) else {
          throw LocalAPIError.badRequest(
            "\(field) names table '\(SQLIdentifier.printable(tableName))', which is not on this "
              + "organization's platform; create or connect the table first", field: field)
        }
        slot.name = table.name
      } else {
        slot.name = nil
      }
      slots.append(slot)
    }
    return Chatbot(
      id: UUID().uuidString.lowercased(), name: name, goal: goal, description: description,
      model: model, tone: tone, theme: theme, dataTables: slots, createdAt: SQLiteFile.now())
  }

  private func required(_ value: String?, _ field: String) throws -> String {
    guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw LocalAPIError.badRequest("\(field) is required", field: field)
    }
    return value
  }

  private func choice(_ value: String?, _ field: String, _ allowed: [String], default: String)
    throws -> String
  {
    guard let value else { return `default` }
    guard allowed.contains(value) else {
      throw LocalAPIError.badRequest(
        "\(field) must be one of \(allowed.joined(separator: ", ")) "
          + "(got '\(SQLIdentifier.printable(value))')", field: field)
    }
    return value
  }
}
