import Foundation
import LocalServerKit

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
    /// The name the agent has on the platform before the apply (`metadata.previousNames`).
    var previous: String? = nil
  }

  var seed: UInt64
  var bots: [Bot]
  var agents: [Agent]
  /// Agents already on the platform under a managed name, with other settings.
  var staleAgents: [Agent]
  var hooks: [Hook]
  /// Webhooks already on the platform under a managed name, signed with an older secret: the
  /// apply must send the manifest's secret, which only its fingerprint on the platform shows.
  var staleHooks: [Hook] = []
  /// Knowledge files of the first bot: relative name and content.
  var documents: [(name: String, text: String)]
  /// Bots already on the platform under a managed name, with other fields.
  var preexisting: [Bot]
  /// An unmanaged bot that must be left alone.
  var stray: Bool
  var faults: FaultConfiguration
  /// How many of the first apply runs meet a fault storm: a rate high enough that the client's
  /// own retries give up, so the run fails and another is needed (a second, or a third).
  var stormRuns = 0
  var stormRate = 0.0

  static let botNames = ["alpha", "beta", "gamma", "delta"]
  static let hookNames = ["crm", "audit", "ops"]
  static let agentNames = ["phone", "web", "sales", "night"]

  static func make(seed: UInt64) -> BotHeroScenario {
    var random = SplitMix64(seed: seed &* 7919 &+ 17)
    let bots = random.some(botNames, count: random.int(1...4)).map { name in
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
    var kinds = Set(random.some(FaultConfiguration.Kind.allCases, count: random.int(1...5)))
    // Commit-then-fail is the fault that can duplicate: every third scenario has it, so that a
    // run of the minimum length meets it on every create route.
    if seed % 3 == 0 { kinds.insert(.commitThenFail) }
    let faults = FaultConfiguration(
      rate: Double(random.int(15...40)) / 100, seed: seed, kinds: kinds, retryAfterSeconds: 0)
    let agents = random.some(agentNames, count: random.int(1...4)).enumerated().map {
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
    var scenario = BotHeroScenario(
      seed: seed, bots: renamed, agents: agents, staleAgents: staleAgents, hooks: hooks,
      documents: documents, preexisting: preexisting, stray: stray, faults: faults)
    // Drawn last, so that what they add changes none of the draws above.
    scenario.drawRenamedAgentsStaleHooksAndStorms(&random)
    return scenario
  }

  /// Agents renamed in place, webhooks signed with an older secret, and fault storms that make
  /// a second or a third apply run necessary.
  private mutating func drawRenamedAgentsStaleHooksAndStorms(_ random: inout SplitMix64) {
    let stale = Set(staleAgents.map(\.name))
    for index in agents.indices where !stale.contains(agents[index].name) && random.chance(0.35) {
      agents[index].previous = "old-\(agents[index].name)"
    }
    staleHooks = hooks.filter { _ in random.chance(0.35) }.map { hook in
      Hook(name: hook.name, bot: nil, secret: "old-secret-\(seed)-\(hook.name)")
    }
    // Storms go by seed rather than by draw, so any twenty seeds in a row hold one scenario
    // that needs a second apply and one that needs a third.
    stormRuns = seed % 20 == 0 ? 2 : seed % 20 == 10 ? 1 : 0
    stormRate = 0.85 + random.unit() * 0.1
  }

  /// A scenario for the duplicate check: three bots, three webhooks and three chat agents (no
  /// phone number whose 409 would refuse a second create), none of them on the platform before
  /// and none renamed, so the apply creates all nine; commit-then-fail alone, at a high rate.
  static func createHeavy(seed: UInt64) -> BotHeroScenario {
    BotHeroScenario(
      seed: seed,
      bots: botNames.prefix(3).map { Bot(name: $0, temperature: 0.5, welcome: "Hello from \($0)") },
      agents: agentNames.suffix(3).map {
        Agent(name: $0, type: "chat", numbers: [], instructions: "Agent \($0) of scenario \(seed).")
      },
      staleAgents: [],
      hooks: hookNames.map { Hook(name: $0, bot: nil, secret: "secret-\(seed)-\($0)-duplicate") },
      documents: [], preexisting: [], stray: false,
      faults: FaultConfiguration(
        rate: 0.4, seed: seed, kinds: [.commitThenFail], retryAfterSeconds: 0))
  }

  /// The fault settings of apply run `run` (1-based): the scenario's, with a seed per run, and
  /// the storm's rate on the first `stormRuns` runs.
  func faults(run: Int) -> FaultConfiguration {
    var faults = faults
    faults.seed = faults.seed &+ UInt64(run)
    if run <= stormRuns { faults.rate = stormRate }
    return faults
  }

  /// The fault kinds this scenario asks for, by command-line name (none at a zero rate).
  var drawnKinds: Set<String> {
    faults.rate > 0 ? Set(faults.kinds.map(\.commandLineName)) : []
  }

  /// Every secret the run must never show: the webhooks' (the manifests' and the older ones).
  var secrets: [String] { (hooks + staleHooks).map(\.secret) }
}
