import HehoEngine
import HehoManifest
import PlatformKit

/// Turns HeHo's list responses into live resources with fields comparable to desired items.
enum HeHoNormalizer {
  /// The kinds as addresses spell them, lower-cased once rather than for every resource.
  static let chatbotKind = HeHoKind.chatbot.addressKind
  static let tableKind = HeHoKind.table.addressKind

  static func chatbot(_ wire: HeHoChatbotWire) -> LiveResource {
    var fields: [String: Value] = [
      "goal": wire.goal.map(Value.string) ?? .null,
      "description": wire.description.map(Value.string) ?? .null,
      "model": wire.model.map(Value.string) ?? .null,
      "tone": .string(wire.tone ?? HeHoCompiler.toneDefault),
      "theme": .string(wire.theme ?? HeHoCompiler.themeDefault),
    ]
    for slot in wire.slots { fields["access.\(slot.table)"] = HeHoCompiler.rights(slot) }
    return LiveResource(
      address: ResourceAddress(kind: chatbotKind, name: wire.name), id: wire.id, fields: fields,
      dependencies: wire.slots.map { ResourceAddress(kind: tableKind, name: $0.table) })
  }

  static func table(_ wire: HeHoTableWire) -> LiveResource {
    var fields: [String: Value] = ["columns": .array(wire.columns.map { .string($0.name) })]
    for column in wire.columns {
      fields["columns.\(column.name).type"] = .string(HeHoTypes.canonical(column.dataType))
      fields["columns.\(column.name).required"] = .bool(column.required ?? false)
    }
    return LiveResource(
      address: ResourceAddress(kind: tableKind, name: wire.name), id: wire.name, fields: fields)
  }

  /// "support-bot gains write, loses read on orders" for an `access.TABLE` change.
  static func explainAccess(_ change: FieldChange, chatbot: String) -> String? {
    guard change.field.hasPrefix("access.") else { return nil }
    let table = String(change.field.dropFirst("access.".count))
    func rights(_ value: Value?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }
    let before = rights(change.before)
    let after = rights(change.after)
    let gained = after.filter { !before.contains($0) }
    let lost = before.filter { !after.contains($0) }
    var parts: [String] = []
    if change.before == nil {
      parts.append(after.isEmpty ? "gains access to \(table) (no rights)" : "")
    } else if change.after == nil {
      parts.append(before.isEmpty ? "loses access to \(table)" : "")
    }
    parts.removeAll(where: \.isEmpty)
    if !gained.isEmpty { parts.append("gains \(gained.joined(separator: ", ")) on \(table)") }
    if !lost.isEmpty { parts.append("loses \(lost.joined(separator: ", ")) on \(table)") }
    guard !parts.isEmpty else { return nil }
    return "\(chatbot) " + parts.joined(separator: "; ")
  }
}
