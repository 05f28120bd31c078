import HehoEngine
import HehoManifest
import PlatformKit

/// Compiles Agent manifests into desired items: the comparable fields, and the payload a create
/// or a PATCH sends (the whole `config` of the type, so that a PATCH of it is complete).
struct HeppuCompiler {
  /// The top-level members of an agent, manifest name and API name alike.
  static let members = [
    "type", "status", "model", "instructions", "config", "tools", "phoneNumbers",
  ]

  func compile(_ state: DesiredState) -> CompiledDesiredState {
    let items = state.resources.filter { HeppuKind.agent.matches($0.address) }.map(agent)
    return CompiledDesiredState(items: items)
  }

  func agent(_ resource: DesiredResource) -> DesiredItem {
    let spec = resource.spec
    let type = spec["type"]?.stringValue ?? "chat"
    let fields = HeppuNormalizer.fields(
      type: type, status: spec["status"]?.stringValue, model: spec["model"]?.stringValue,
      instructions: spec["instructions"]?.stringValue, config: spec["config"]?.objectValue ?? [:],
      tools: spec["tools"]?.arrayValue?.compactMap(\.stringValue) ?? [],
      phoneNumbers: spec["phoneNumbers"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    var config: [String: Value] = [:]
    for key in AgentCatalog.configKeys(for: type) {
      if let value = fields["config.\(key)"] { config[key] = value }
    }
    let payload: [String: Value] = [
      "name": .string(resource.name), "type": .string(type),
      "status": fields["status"] ?? .string("active"), "model": fields["model"] ?? .null,
      "instructions": fields["instructions"] ?? .string(""), "config": .object(config),
      "tools": fields["tools"] ?? .array([]), "phoneNumbers": fields["phoneNumbers"] ?? .array([]),
    ]
    return DesiredItem(
      address: resource.address, fields: fields, payload: payload, lifecycle: resource.lifecycle,
      location: resource.location)
  }
}
