import BotHeroProvider
import Foundation
import HehoTestSupport
import HeppuProvider
@_spi(Testing) import LocalServerKit
import PlatformKit
import PlatformRegistry

/// Runs one BotHero and Heppu scenario: makes its live account, applies its project up to three
/// times under its faults, once more without, plans (which must show nothing to do), then checks
/// what the platforms hold and that no secret showed in the output.
enum BotHeroScenarioRun {
  /// Runs scenarios one after another on a platform of their own.
  static func runAll(_ scenarios: [BotHeroScenario]) async throws -> [BotHeroOutcome] {
    let platform = try await LocalPlatform.start(.init(rateLimit: 0))
    var outcomes: [BotHeroOutcome] = []
    for scenario in scenarios { outcomes.append(await run(scenario, on: platform)) }
    try await platform.shutdown()
    return outcomes
  }

  static func run(_ scenario: BotHeroScenario, on platform: LocalPlatform) async -> BotHeroOutcome {
    var outcome = BotHeroOutcome(seed: scenario.seed, drawnKinds: scenario.drawnKinds)
    let directory = ProjectFiles.folder("bothero")
    defer { try? FileManager.default.removeItem(at: directory) }
    do {
      let key = try await platform.organization(for: "scenario", seed: scenario.seed)
      let local = LocalEndpoints(.standard, baseURL: platform.baseURL)
      let bothero = PlatformAPI(baseURL: local.endpoint(BotHeroDescriptor()), key: key)
      let heppu = PlatformAPI(baseURL: local.endpoint(HeppuDescriptor()), key: key)
      try ProjectFiles.write(
        scenario.files(base: platform.baseURL).map { ($0.key, $0.value) }, to: directory)
      let setup = try await BotHeroSetup.make(scenario, bothero: bothero, heppu: heppu)
      outcome.renames = setup.renames

      var environment = local.keyEnvironment(key)
      environment["NO_COLOR"] = "1"
      for hook in scenario.hooks { environment[BotHeroScenario.variable(hook.name)] = hook.secret }
      let endpoints = local.arguments
      let apply = ["apply", "-f", directory.path, "--auto-approve"] + endpoints
      var transcript = ""
      await platform.resetMetrics()
      for run in 1...3 {
        await platform.setFaults(scenario.faults(run: run))
        outcome.applies += 1
        let result = await CommandRunner.run(apply, environment: environment)
        transcript += result.out + result.err
        if result.code == 0 { break }
      }
      let metrics = await platform.metrics()
      outcome.faults = metrics.faultsByRoute
      outcome.routes = metrics.routes
      await platform.setFaults(.none)
      let settle = await CommandRunner.run(apply, environment: environment)
      transcript += settle.out + settle.err
      if settle.code != 0 {
        outcome.problems.append("the apply without faults failed:\n\(settle.out)\(settle.err)")
      }
      let plan = await CommandRunner.run(
        ["plan", "-f", directory.path, "--detailed-exitcode"] + endpoints,
        environment: environment)
      transcript += plan.out + plan.err
      if plan.code != 0 {
        outcome.problems.append("the plan after apply is not empty:\n\(plan.out)")
      }
      let live = try await BotHeroChecks.Live.read(bothero: bothero, heppu: heppu)
      let checks = BotHeroChecks(scenario, live: live, setup: setup)
      outcome.problems += checks.problems
      outcome.duplicates = checks.duplicates
      outcome.secretsHeld = checks.secretsHeld
      outcome.secretsReplaced = checks.secretsReplaced
      outcome.problems += BotHeroChecks.leaks(in: transcript, of: scenario.secrets + [key])
    } catch {
      outcome.problems.append("the scenario could not run: \(error)")
    }
    return outcome
  }
}
