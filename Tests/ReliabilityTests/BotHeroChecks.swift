import Foundation
import HehoTestSupport

@testable import BotHeroProvider

/// What the platforms hold after a scenario, checked against what it declares: every managed
/// resource exactly once and as declared, renames made in place, each webhook signed with its
/// manifest's secret, the unmanaged bot left alone. The checks read lists already fetched, so a
/// test can hand them a deliberately broken live state and see each one fail.
struct BotHeroChecks {
  /// The platforms' lists, as their APIs answer them.
  struct Live {
    var bots: [[String: Any]] = []
    var hooks: [[String: Any]] = []
    var documents: [[String: Any]] = []
    var agents: [[String: Any]] = []

    /// Lists everything of the organization behind the two clients.
    static func read(bothero: PlatformAPI, heppu: PlatformAPI) async throws -> Live {
      func list(_ api: PlatformAPI, _ path: String) async throws -> [[String: Any]] {
        try await api.object("GET", path)["data"] as? [[String: Any]] ?? []
      }
      return Live(
        bots: try await list(bothero, "/bots"), hooks: try await list(bothero, "/webhooks"),
        documents: try await list(bothero, "/knowledge/documents"),
        agents: try await list(heppu, "/agents?limit=100"))
    }
  }

  var problems: [String] = []
  /// Managed resources found more than once, by kind (`bot`, `webhook`, `document`,
  /// `chat agent`, `voice agent`).
  var duplicates: [String: Int] = [:]
  /// Webhooks whose fingerprint shows the manifest's secret.
  var secretsHeld = 0
  /// Of those, webhooks that held an older secret before the apply and kept their ID: the
  /// apply sent the new secret in an update.
  var secretsReplaced = 0

  init(_ scenario: BotHeroScenario, live: Live, setup: BotHeroSetup) {
    checkBots(scenario, live.bots, setup: setup)
    checkHooks(scenario, live.hooks, setup: setup)
    for document in scenario.documents {
      _ = found("document", document.name, in: live.documents)
    }
    checkAgents(scenario, live.agents, setup: setup)
  }

  /// The live resources named `name`; a problem (and a duplicate) unless there is exactly one.
  mutating func found(_ kind: String, _ name: String, in list: [[String: Any]]) -> [String: Any]? {
    let found = list.filter { $0["name"] as? String == name }
    if found.count != 1 {
      problems.append("\(kind) '\(name)' is on the platform \(found.count) times")
    }
    if found.count > 1 { duplicates[kind, default: 0] += 1 }
    return found.first
  }

  /// A renamed resource must keep the ID it had under its old name, which must be gone.
  mutating func checkRename(
    _ kind: String, _ name: String, previous: String?, live: [String: Any]?,
    list: [[String: Any]], setup: BotHeroSetup
  ) {
    guard let previous else { return }
    if live?["id"] as? String != setup.renamedID(kind, name) {
      problems.append("\(kind) '\(name)' was not renamed in place from '\(previous)'")
    }
    if list.contains(where: { $0["name"] as? String == previous }) {
      problems.append("\(kind) '\(previous)' is still there after its rename")
    }
  }

  mutating func checkBots(_ scenario: BotHeroScenario, _ bots: [[String: Any]], setup: BotHeroSetup)
  {
    for bot in scenario.bots {
      let live = found("bot", bot.name, in: bots)
      checkRename("bot", bot.name, previous: bot.previous, live: live, list: bots, setup: setup)
      if let live,
        live["temperature"] as? Double != bot.temperature
          || live["welcome_message"] as? String != bot.welcome
      {
        problems.append("bot '\(bot.name)' does not hold what its manifest says: \(live)")
      }
    }
    let strays = bots.filter { $0["name"] as? String == "stray" }.count
    if strays != (scenario.stray ? 1 : 0) {
      problems.append("the unmanaged bot is there \(strays) times")
    }
  }

  /// A webhook's secret is write-only: its `secret_hint` is the only sign of which secret the
  /// platform holds, so a webhook listed without one is a problem, never a check skipped.
  mutating func checkHooks(
    _ scenario: BotHeroScenario, _ hooks: [[String: Any]], setup: BotHeroSetup
  ) {
    for hook in scenario.hooks {
      guard let live = found("webhook", hook.name, in: hooks) else { continue }
      guard let hint = live["secret_hint"] as? String else {
        problems.append(
          "webhook '\(hook.name)' is listed without a secret_hint (a string such as "
            + "whfp1:SALT:HEX), so which secret it holds cannot be checked: \(live.keys.sorted())")
        continue
      }
      guard WriteOnlySecrets.matches(hook.secret, hint: hint) else {
        problems.append("webhook '\(hook.name)' does not hold its manifest's secret")
        continue
      }
      secretsHeld += 1
      if let stale = setup.staleHooks[hook.name] {
        if live["id"] as? String == stale {
          secretsReplaced += 1
        } else {
          problems.append(
            "webhook '\(hook.name)' was replaced (\(stale) is gone) where an update in place "
              + "should have sent its new secret")
        }
      }
    }
  }

  /// Every declared agent exactly once among the live ones, of its type, with its numbers.
  mutating func checkAgents(
    _ scenario: BotHeroScenario, _ agents: [[String: Any]], setup: BotHeroSetup
  ) {
    for agent in scenario.agents {
      let live = found("\(agent.type) agent", agent.name, in: agents)
      checkRename(
        "agent", agent.name, previous: agent.previous, live: live, list: agents, setup: setup)
      if let live,
        live["type"] as? String != agent.type || live["phoneNumbers"] as? [String] != agent.numbers
          || live["instructions"] as? String != agent.instructions
      {
        problems.append("agent '\(agent.name)' does not hold what its manifest says: \(live)")
      }
    }
  }

  /// Problems for every secret or key that shows in a run's output.
  static func leaks(in transcript: String, of secrets: [String]) -> [String] {
    secrets.filter { transcript.contains($0) }.map { secret in
      "a secret or key (\(secret.count) characters long) appeared in the output"
    }
  }
}
