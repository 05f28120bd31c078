import HehoEngine
import HehoManifest
import PlatformKit

/// Agents, live and declared, as the same comparable fields: `type`, `status`, `model`,
/// `instructions`, one `config.KEY` per setting of the type (defaults filled in), `tools` and
/// `phoneNumbers` (both sorted: their order means nothing).
enum HeppuNormalizer {
  static func agent(_ wire: AgentWire) -> LiveResource {
    LiveResource(
      address: HeppuKind.agent.address(wire.name), id: wire.id,
      fields: fields(
        type: wire.type, status: wire.status, model: wire.model, instructions: wire.instructions,
        config: wire.config?.values ?? [:], tools: (wire.tools ?? []).map(\.id),
        phoneNumbers: wire.phoneNumbers ?? []))
  }

  /// The comparable fields of an agent of `type`; what is missing takes the platform's default.
  static func fields(
    type: String, status: String?, model: String?, instructions: String?,
    config: [String: Value], tools: [String], phoneNumbers: [String]
  ) -> [String: Value] {
    var fields: [String: Value] = [
      "type": .string(type),
      "status": .string(status ?? "active"),
      "model": .string(model ?? AgentCatalog.defaultModels[type] ?? ""),
      "instructions": .string(instructions ?? ""),
      "tools": .array(Set(tools).sorted().map(Value.string)),
      "phoneNumbers": .array(Set(phoneNumbers).sorted().map(Value.string)),
    ]
    let defaults = AgentCatalog.defaultConfig(for: type)
    for key in AgentCatalog.configKeys(for: type) {
      guard let value = config[key] ?? defaults[key] else { continue }
      fields["config.\(key)"] = normalized(value, key: key)
    }
    return fields
  }

  /// Numbers as doubles (`1` equals `1.0`), colors lower-cased, domains sorted and lower-cased.
  static func normalized(_ value: Value, key: String) -> Value {
    switch (key, value) {
    case (_, .int(let whole)): return .double(Double(whole))
    case ("allowedDomains", .array(let hosts)):
      return .array(
        Set(hosts.compactMap(\.stringValue).map { $0.lowercased() }).sorted().map(Value.string))
    case (_, .string(let text)) where AgentCatalog.colorFields.contains(key):
      return .string(text.lowercased())
    default: return value
    }
  }
}
