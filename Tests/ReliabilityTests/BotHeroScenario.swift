import Foundation
import HehoLocal

/// One BotHero and Heppu reliability scenario: a project of bots, webhooks (with write-only
/// secrets), a knowledge base and agents (voice ones with phone numbers), a live account that
/// already holds some of it, and the faults the platform injects. Everything is drawn from the
/// seed.
struct BotHeroScenario: Sendable {
  struct Bot: Sendable {
    var name: String
    var temperature: Double
    var welcome: String
    /// The name the bot has on the platform before the apply (`metadata.previousNames`).
    var previous: String? = nil
  }

  struct Hook: Sendable {
    var name: String
    var bot: String?
    var secret: String
  }

  struct Agent: Sendable {
    var name: String
    var type: String
    var numbers: [String]
    var instructions: String
  }

  var seed: UInt64
  var bots: [Bot]
  var agents: [Agent]
  /// Agents already on the platform under a managed name, with other settings.
  var staleAgents: [Agent]
  var hooks: [Hook]
  /// Knowledge files of the first bot: relative name and content.
  var documents: [(name: String, text: String)]
  /// Bots already on the platform under a managed name, with other fields.
  var preexisting: [Bot]
  /// An unmanaged bot that must be left alone.
  var stray: Bool
  var faults: FaultConfiguration

  static let botNames = ["alpha", "beta", "gamma", "delta"]
  static let hookNames = ["crm", "audit", "ops"]
  static let agentNames = ["phone", "web", "sales", "night"]

  static func make(seed: UInt64) -> BotHeroScenario {
    var random = SplitMix64(seed: seed &* 7919 &+ 17)
    let bots = random.some(botNames, count: random.int(1...3)).map { name in
      Bot(
        name: name, temperature: random.pick([0.2, 0.5, 0.7, 1.0], or: 0.7),
        welcome: "Hello from \(name) \(random.int(1...99))")
    }
    let hooks = random.some(hookNames, count: random.int(1...3)).map { name in
      Hook(
        name: name, bot: random.chance(0.6) ? random.pick(bots.map(\.name), or: nil) : nil,
        secret: "secret-\(seed)-\(name)-\(random.int(1000...9999))")
    }
    let documents = (0..<random.int(0...3)).map { index in
      (
        "doc-\(index).md",
        "# Fact \(index)\n\nItem \(index) of scenario \(seed) costs \(random.int(1...500)) euros.\n"
      )
    }
    let preexisting = bots.filter { _ in random.chance(0.35) }.map { bot in
      Bot(name: bot.name, temperature: 1.5, welcome: "stale welcome")
    }
    let stray = random.chance(0.3)
    // Some bots not already there under their name are there under an older one: a rename.
    let taken = Set(preexisting.map(\.name))
    let renamed = bots.map { bot in
      var bot = bot
      if !taken.contains(bot.name) && random.chance(0.3) { bot.previous = "old-\(bot.name)" }
      return bot
    }
    let kinds = random.some(FaultConfiguration.Kind.allCases, count: random.int(1...5))
    let faults = FaultConfiguration(
      rate: Double(random.int(15...40)) / 100, seed: seed, kinds: Set(kinds), retryAfterSeconds: 0)
    let agents = random.some(agentNames, count: random.int(0...3)).enumerated().map {
      index, name in
      let voice = random.chance(0.6)
      return Agent(
        name: name, type: voice ? "voice" : "chat",
        numbers: voice ? ["+1555\(seed % 1000)\(index)\(random.int(100...999))"] : [],
        instructions: "Agent \(name) of scenario \(seed).")
    }
    let staleAgents = agents.filter { _ in random.chance(0.3) }.map { agent in
      Agent(name: agent.name, type: agent.type, numbers: [], instructions: "stale")
    }
    return BotHeroScenario(
      seed: seed, bots: renamed, agents: agents, staleAgents: staleAgents, hooks: hooks,
      documents: documents, preexisting: preexisting,
      stray: stray, faults: faults)
  }

  /// The project's files: `heho.yaml`, bots, webhooks, a knowledge base.
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
    files["bots.yaml"] =
      bots.map { bot in
        """
        apiVersion: bothero/v1
        kind: Bot
        metadata:
          name: \(bot.name)
        \(bot.previous.map { "  previousNames: [\($0)]\n" } ?? "")spec:
          instructions: You help scenario \(seed).
          welcomeMessage: \(bot.welcome)
          temperature: \(bot.temperature)
        """
      }.joined(separator: "\n---\n") + "\n"
    if !agents.isEmpty {
      files["agents.yaml"] =
        agents.map { agent in
          """
          apiVersion: heppu/v1
          kind: Agent
          metadata:
            name: \(agent.name)
          spec:
            type: \(agent.type)
            instructions: \(agent.instructions)
          \(agent.numbers.isEmpty ? "" : "  phoneNumbers: [\"\(agent.numbers.joined(separator: "\", \""))\"]\n")
          """
        }.joined(separator: "\n---\n") + "\n"
    }
    if !hooks.isEmpty {
      files["webhooks.yaml"] =
        hooks.map { hook in
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
        }.joined(separator: "\n---\n") + "\n"
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

  /// The environment variable holding a webhook's secret.
  static func variable(_ hook: String) -> String { "WEBHOOK_\(hook.uppercased())_SECRET" }
}
