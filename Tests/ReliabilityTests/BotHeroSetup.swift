import Foundation
import HehoTestSupport

/// What a scenario's live account holds before the apply, made by hand through the platforms'
/// APIs: bots and agents under managed names with other settings, the unmanaged bot, resources
/// under the old names of renamed ones, and webhooks signed with an older secret. It keeps the
/// IDs the checks need to tell an update in place from a replacement.
struct BotHeroSetup: Sendable {
  /// A resource the apply must rename in place: its kind (`bot`, `agent`), its manifest name, its
  /// ID, and the route of the update that renames it.
  struct Rename: Sendable, Hashable {
    var kind: String
    var name: String
    var id: String
    var route: String
  }

  var renames: [Rename] = []
  /// IDs of the webhooks signed with an older secret, by name.
  var staleHooks: [String: String] = [:]

  /// The ID the renamed resource of `kind` named `name` had under its old name.
  func renamedID(_ kind: String, _ name: String) -> String? {
    renames.first { $0.kind == kind && $0.name == name }?.id
  }

  static func make(
    _ scenario: BotHeroScenario, bothero: PlatformAPI, heppu: PlatformAPI
  ) async throws -> BotHeroSetup {
    var setup = BotHeroSetup()
    for bot in scenario.preexisting {
      try await bothero.send(
        "POST", "/bots",
        json: ["name": bot.name, "temperature": bot.temperature, "welcome_message": bot.welcome])
    }
    if scenario.stray { try await bothero.send("POST", "/bots", json: ["name": "stray"]) }
    for agent in scenario.staleAgents {
      try await heppu.send(
        "POST", "/agents",
        json: ["name": agent.name, "type": agent.type, "instructions": agent.instructions])
    }
    for bot in scenario.bots {
      guard let previous = bot.previous else { continue }
      let created = try await bothero.object(
        "POST", "/bots", json: ["name": previous, "welcome_message": "before the rename"])
      let id = try Self.id(created["id"], of: "bot '\(previous)'")
      setup.renames.append(
        .init(kind: "bot", name: bot.name, id: id, route: "PATCH /v1/bots/\(id)"))
    }
    for agent in scenario.agents {
      guard let previous = agent.previous else { continue }
      let created = try await heppu.object(
        "POST", "/agents",
        json: ["name": previous, "type": agent.type, "instructions": "before the rename"])
      let id = try Self.id((created["data"] as? [String: Any])?["id"], of: "agent '\(previous)'")
      setup.renames.append(
        .init(kind: "agent", name: agent.name, id: id, route: "PATCH /api/v1/agents/\(id)"))
    }
    for hook in scenario.staleHooks {
      let created = try await bothero.object(
        "POST", "/webhooks",
        json: [
          "name": hook.name, "url": "http://127.0.0.1:9/old", "events": ["bot.created"],
          "secret": hook.secret,
        ])
      setup.staleHooks[hook.name] = try Self.id(created["id"], of: "webhook '\(hook.name)'")
    }
    return setup
  }

  /// The ID in a create's answer; an error naming the resource when the answer has none.
  static func id(_ value: Any?, of resource: String) throws -> String {
    guard let id = value as? String else {
      throw SetupError(
        description: "creating \(resource) before the apply: the answer has no string id")
    }
    return id
  }

  /// The live account could not be made as the scenario says.
  struct SetupError: Error, CustomStringConvertible {
    var description: String
  }
}
