import Foundation

extension BotHeroScenario {
  /// The project's files: `heho.yaml`, bots, agents, webhooks, a knowledge base.
  func files(base: String) -> [String: String] {
    var files: [String: String] = [
      "heho.yaml": """
      apiVersion: heho/v1
      kind: Project
      metadata:
        name: bothero-reliability
      spec:
        providers:
          bothero:
            endpoint: \(base)/v1
            apiKeyEnv: BOTHERO_API_KEY
          heppu:
            endpoint: \(base)/api/v1
            apiKeyEnv: HEPPU_API_KEY
        prune: false

      """
    ]
    files["bots.yaml"] = Self.manifestFile(bots) { bot in
      """
      apiVersion: bothero/v1
      kind: Bot
      metadata:
        name: \(bot.name)
      \(Self.previousNames(bot.previous))spec:
        instructions: You help scenario \(seed).
        welcomeMessage: \(bot.welcome)
        temperature: \(bot.temperature)
      """
    }
    if !agents.isEmpty {
      files["agents.yaml"] = Self.manifestFile(agents) { agent in
        """
        apiVersion: heppu/v1
        kind: Agent
        metadata:
          name: \(agent.name)
        \(Self.previousNames(agent.previous))spec:
          type: \(agent.type)
          instructions: \(agent.instructions)
        \(agent.numbers.isEmpty ? "" : "  phoneNumbers: [\"\(agent.numbers.joined(separator: "\", \""))\"]\n")
        """
      }
    }
    if !hooks.isEmpty {
      files["webhooks.yaml"] = Self.manifestFile(hooks) { hook in
        """
        apiVersion: bothero/v1
        kind: Webhook
        metadata:
          name: \(hook.name)
        spec:
          url: http://127.0.0.1:9/\(hook.name)
          events: [lead.captured]
        \(hook.bot.map { "  bot: \($0)\n" } ?? "")  secret: ${env.\(Self.variable(hook.name))}
        """
      }
    }
    if let first = bots.first, !documents.isEmpty {
      files["knowledge.yaml"] = """
        apiVersion: bothero/v1
        kind: KnowledgeBase
        metadata:
          name: docs
        spec:
          bot: \(first.name)
          directory: knowledge
          include: ["*.md"]

        """
      for document in documents { files["knowledge/\(document.name)"] = document.text }
    }
    return files
  }

  /// One YAML document for each of `items`, as one file's text.
  static func manifestFile<Item>(_ items: [Item], _ document: (Item) -> String) -> String {
    items.map(document).joined(separator: "\n---\n") + "\n"
  }

  /// The `metadata.previousNames` line of a renamed resource (indented under `metadata`), or
  /// nothing.
  static func previousNames(_ previous: String?) -> String {
    previous.map { "  previousNames: [\($0)]\n" } ?? ""
  }

  /// The environment variable holding a webhook's secret.
  static func variable(_ hook: String) -> String { "WEBHOOK_\(hook.uppercased())_SECRET" }
}
