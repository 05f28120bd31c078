import HehoEngine
import HehoManifest
import PlatformKit

/// Writes manifests for a live Heppu account's agents: one file per agent
/// (`heppu/agents/NAME.yaml`), or `heppu/agents.yaml` with `--per-kind`. Soft-deleted agents
/// are not listed by the platform, so they are not exported.
struct HeppuExporter: Sendable {
  let layout: ExportLayout

  func export(_ live: LiveState) -> PlatformExport {
    let agents = live.resources.filter { HeppuKind.agent.matches($0.address) }
      .sorted { $0.address < $1.address }
    var seen: Set<ResourceAddress> = []
    var warnings: [String] = []
    var documents: [(LiveResource, String)] = []
    for agent in agents {
      guard seen.insert(agent.address).inserted else {
        warnings.append(
          "\(agent.address) is on the platform more than once; only the first was exported: "
            + "rename or delete the others before applying")
        continue
      }
      documents.append((agent, Self.manifest(agent)))
    }
    var files: [PlatformExport.File] = []
    if layout.perKind {
      if !documents.isEmpty {
        files.append(
          .init(path: "heppu/agents.yaml", contents: documents.map(\.1).joined(separator: "---\n")))
      }
    } else {
      var naming = ExportNaming()
      for (agent, text) in documents {
        let name = naming.name(
          agent.address.name, fallback: HeppuKind.agent.addressKind, in: HeppuKind.agent.addressKind
        )
        files.append(.init(path: "heppu/agents/\(name).yaml", contents: text))
      }
    }
    return PlatformExport(
      files: files, warnings: warnings, counts: [(HeppuKind.agent.addressKind, documents.count)])
  }

  static func manifest(_ agent: LiveResource) -> String {
    let fields = agent.fields
    let type = fields["type"]?.stringValue ?? "chat"
    var lines = [
      "apiVersion: heppu/v1", "kind: Agent", "metadata:",
      "  name: \(ExportYAML.scalar(agent.address.name))", "spec:", "  type: \(type)",
    ]
    if let status = fields["status"]?.stringValue, AgentKind.statuses.contains(status) {
      lines.append("  status: \(status)")
    }
    lines.append("  model: \(ExportYAML.scalar(fields["model"]?.stringValue ?? ""))")
    let instructions = fields["instructions"]?.stringValue ?? ""
    if !instructions.isEmpty {
      lines.append("  instructions: \(ExportYAML.scalar(instructions, interpolated: true))")
    }
    lines.append("  config:")
    for key in AgentCatalog.configKeys(for: type) {
      guard let value = fields["config.\(key)"] else { continue }
      lines.append("    \(key): \(ExportYAML.flow(value))")
    }
    for key in ["tools", "phoneNumbers"] {
      let values = fields[key]?.arrayValue ?? []
      if !values.isEmpty { lines.append("  \(key): \(ExportYAML.flow(.array(values)))") }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
