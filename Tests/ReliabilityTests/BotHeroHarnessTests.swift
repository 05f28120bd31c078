import Testing

/// The BotHero and Heppu checks and coverage rules fail on a deliberately broken run: a live
/// state or a set of outcomes made by hand, with no platform.
@Suite struct BotHeroHarnessTests {
  /// One bot, one webhook and one chat agent, nothing on the platform before.
  static let scenario = BotHeroScenario(
    seed: 1, bots: [.init(name: "alpha", temperature: 0.5, welcome: "Hello")],
    agents: [.init(name: "web", type: "chat", numbers: [], instructions: "Help.")],
    staleAgents: [], hooks: [.init(name: "crm", bot: nil, secret: "secret-1-crm-1234")],
    documents: [], preexisting: [], stray: false, faults: .none)

  static var bot: [String: Any] {
    ["id": "bot_1", "name": "alpha", "temperature": 0.5, "welcome_message": "Hello"]
  }
  static var agent: [String: Any] {
    [
      "id": "a1", "name": "web", "type": "chat", "phoneNumbers": [String](),
      "instructions": "Help.",
    ]
  }

  @Test func aWebhookListedWithoutASecretHintIsAProblem() {
    let live = BotHeroChecks.Live(
      bots: [Self.bot], hooks: [["id": "wh_1", "name": "crm"]], agents: [Self.agent])
    let checks = BotHeroChecks(Self.scenario, live: live, setup: .init())
    #expect(checks.problems.count == 1)
    #expect(checks.problems.contains { $0.contains("'crm' is listed without a secret_hint") })
    #expect(checks.secretsHeld == 0)
  }

  @Test func aWebhookSignedWithAnotherSecretIsAProblem() {
    let hook: [String: Any] = ["id": "wh_1", "name": "crm", "secret_hint": "whfp1:salt:0123"]
    let live = BotHeroChecks.Live(bots: [Self.bot], hooks: [hook], agents: [Self.agent])
    let checks = BotHeroChecks(Self.scenario, live: live, setup: .init())
    #expect(checks.problems == ["webhook 'crm' does not hold its manifest's secret"])
  }

  @Test func duplicatedBotsWebhooksAndChatAgentsAreCountedByKind() {
    let hook: [String: Any] = ["id": "wh_1", "name": "crm", "secret_hint": "whfp1:salt:0123"]
    let live = BotHeroChecks.Live(
      bots: [Self.bot, Self.bot], hooks: [hook, hook, hook], agents: [Self.agent, Self.agent])
    let checks = BotHeroChecks(Self.scenario, live: live, setup: .init())
    #expect(checks.duplicates == ["bot": 1, "webhook": 1, "chat agent": 1])
    #expect(checks.problems.contains("bot 'alpha' is on the platform 2 times"))
    #expect(checks.problems.contains("webhook 'crm' is on the platform 3 times"))
    #expect(checks.problems.contains("chat agent 'web' is on the platform 2 times"))
  }

  @Test func aRenameThatReplacedTheResourceIsAProblem() {
    var scenario = Self.scenario
    scenario.agents[0].previous = "old-web"
    let setup = BotHeroSetup(renames: [
      .init(kind: "agent", name: "web", id: "a0", route: "PATCH /api/v1/agents/a0")
    ])
    let live = BotHeroChecks.Live(bots: [Self.bot], agents: [Self.agent])
    let checks = BotHeroChecks(scenario, live: live, setup: setup)
    #expect(checks.problems.contains("agent 'web' was not renamed in place from 'old-web'"))
  }

  @Test func aSecretInTheOutputIsAProblem() {
    let secrets = Self.scenario.secrets + ["key-123456"]
    #expect(BotHeroChecks.leaks(in: "created webhook/crm", of: secrets).isEmpty)
    #expect(BotHeroChecks.leaks(in: "sent secret-1-crm-1234 to", of: secrets).count == 1)
  }

  /// An outcome that shows everything a run must show, on its own.
  static func complete() -> BotHeroOutcome {
    let kinds = Set(["429", "500", "503", "drop", "commit-then-fail"])
    let all = Dictionary(uniqueKeysWithValues: kinds.map { ($0, 1) })
    var outcome = BotHeroOutcome(seed: 1, drawnKinds: kinds)
    outcome.faults = [
      "GET /v1/bots": all, "GET /api/v1/agents": all, "PATCH /v1/bots/b1": ["500": 1],
      "PATCH /api/v1/agents/a1": ["drop": 1],
    ]
    for route in BotHeroCoverage.createRoutes { outcome.faults[route] = ["commit-then-fail": 1] }
    outcome.routes = ["POST /v1/webhooks": 1]
    outcome.applies = 3
    outcome.renames = [
      .init(kind: "bot", name: "alpha", id: "b1", route: "PATCH /v1/bots/b1"),
      .init(kind: "agent", name: "web", id: "a1", route: "PATCH /api/v1/agents/a1"),
    ]
    outcome.secretsHeld = 1
    outcome.secretsReplaced = 1
    return outcome
  }

  @Test func aRunThatShowsEverythingHasNoCoverageProblem() {
    #expect(BotHeroCoverage([Self.complete()]).problems == [])
  }

  @Test func aKindNeverDrawnOrNeverFiredOnAPlatformIsACoverageProblem() {
    var undrawn = Self.complete()
    undrawn.drawnKinds.remove("drop")
    #expect(BotHeroCoverage([undrawn]).problems == ["no scenario drew the fault kind drop"])
    var unfired = Self.complete()
    unfired.faults["GET /api/v1/agents"]?["503"] = nil
    #expect(
      BotHeroCoverage([unfired]).problems == [
        "scenarios drew the fault kind 503, but it never fired on heppu's routes (/api/v1/agents…)"
      ])
  }

  @Test func missingRenamesUnderFaultsRetriesOrSecretsAreCoverageProblems() {
    var outcome = Self.complete()
    outcome.faults["PATCH /api/v1/agents/a1"] = nil
    outcome.applies = 2
    outcome.secretsReplaced = 0
    outcome.faults["POST /v1/webhooks"] = ["500": 1]
    #expect(
      BotHeroCoverage([outcome]).problems == [
        "no commit-then-fail hit POST /v1/webhooks",
        "no agent rename was hit by a fault on its update (1 renames)",
        "no scenario needed a third apply",
        "no webhook signed with an older secret was re-keyed in place",
      ])
    outcome.applies = 1
    outcome.routes = [:]
    let problems = BotHeroCoverage([outcome]).problems
    #expect(problems.contains("no scenario needed a second apply"))
    #expect(problems.contains("no webhook was written with its secret and found holding it"))
  }
}
