import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// Writes manifests for a live BotHero account's bots and webhooks: one file per resource
/// (`bothero/bots/NAME.yaml`), or one per kind with `--per-kind` (`bothero/bots.yaml`). Secrets
/// cannot be read back: an exported webhook keeps the platform's secret until its manifest sets
/// one. Knowledge documents are `BotHeroDocumentExporter`'s.
struct BotHeroExporter: Sendable {
  let layout: ExportLayout

  func export(_ live: LiveState) -> PlatformExport {
    var warnings: [String] = []
    let botKind = BotHeroKind.bot.addressKind
    let webhookKind = BotHeroKind.webhook.addressKind
    let bots = live.resources.filter { $0.address.kind == botKind }
      .sorted { $0.address < $1.address }
    let webhooks = live.resources.filter { $0.address.kind == webhookKind }
      .sorted { $0.address < $1.address }
    for name in Self.repeated(bots) + Self.repeated(webhooks) {
      warnings.append(
        "\(name) is on the platform more than once; only the first was exported: rename or "
          + "delete the others before applying")
    }
    let botDocuments = Self.firsts(bots).map(Self.bot)
    let webhookDocuments = Self.firsts(webhooks).map(Self.webhook)
    var files: [PlatformExport.File] = []
    if !layout.perKind {
      var naming = ExportNaming()
      for (resource, text) in zip(Self.firsts(bots), botDocuments) {
        let name = naming.name(resource.address.name, fallback: botKind, in: botKind)
        files.append(.init(path: "bothero/bots/\(name).yaml", contents: text))
      }
      for (resource, text) in zip(Self.firsts(webhooks), webhookDocuments) {
        let name = naming.name(resource.address.name, fallback: webhookKind, in: webhookKind)
        files.append(.init(path: "bothero/webhooks/\(name).yaml", contents: text))
      }
    } else {
      if !botDocuments.isEmpty {
        files.append(
          .init(path: "bothero/bots.yaml", contents: botDocuments.joined(separator: "---\n")))
      }
      if !webhookDocuments.isEmpty {
        files.append(
          .init(
            path: "bothero/webhooks.yaml", contents: webhookDocuments.joined(separator: "---\n")))
      }
    }
    return PlatformExport(
      files: files, warnings: warnings,
      counts: [(botKind, botDocuments.count), (webhookKind, webhookDocuments.count)])
  }

  static func bot(_ resource: LiveResource) -> String {
    let fields = resource.fields
    var lines = [
      "apiVersion: bothero/v1", "kind: Bot", "metadata:",
      "  name: \(ExportYAML.scalar(resource.address.name))", "spec:",
      "  model: \(ExportYAML.scalar(fields["model"]?.stringValue ?? BotKind.models[0]))",
    ]
    let instructions = fields["instructions"]?.stringValue ?? ""
    if !instructions.isEmpty {
      lines.append("  instructions: \(ExportYAML.scalar(instructions, interpolated: true))")
    }
    let welcome = fields["welcomeMessage"]?.stringValue ?? BotKind.defaultWelcome
    lines.append("  welcomeMessage: \(ExportYAML.scalar(welcome, interpolated: true))")
    if case .double(let temperature) = fields["temperature"] {
      lines.append("  temperature: \(temperature)")
    }
    lines.append("  leadCapture: \(fields["leadCapture"]?.boolValue ?? false)")
    return lines.joined(separator: "\n") + "\n"
  }

  static func webhook(_ resource: LiveResource) -> String {
    let fields = resource.fields
    var lines = [
      "apiVersion: bothero/v1", "kind: Webhook", "metadata:",
      "  name: \(ExportYAML.scalar(resource.address.name))", "spec:",
      "  url: \(ExportYAML.scalar(fields["url"]?.stringValue ?? "", interpolated: true))",
      "  events: \(ExportYAML.flow(fields["events"] ?? .array([])))",
    ]
    if let bot = fields["bot"]?.stringValue { lines.append("  bot: \(ExportYAML.scalar(bot))") }
    lines.append("  active: \(fields["active"]?.boolValue ?? true)")
    lines.append(
      "  # The signing secret is write-only and cannot be exported; to manage it, add")
    lines.append("  # secret: ${env.NAME} and set NAME in the environment.")
    return lines.joined(separator: "\n") + "\n"
  }

  static func repeated(_ resources: [LiveResource]) -> [String] {
    let counts = Dictionary(grouping: resources, by: \.address).filter { $0.value.count > 1 }
    return counts.keys.sorted().map(\.description)
  }

  static func firsts(_ resources: [LiveResource]) -> [LiveResource] {
    var seen: Set<ResourceAddress> = []
    return resources.filter { seen.insert($0.address).inserted }
  }
}
