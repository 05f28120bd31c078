import Foundation
import HehoCLI
import HehoTestSupport
@_spi(Testing) import LocalServerKit
import PlatformKit
import PlatformRegistry

/// Runs one scenario: applies each example, without faults, to an organization of its own on
/// the scenario's platform, then runs `heho test --output json` against it (found to be
/// HehoLocal through `/_local/health`) with the scenario's faults on, and compares every
/// verdict with the fault-free reference.
enum ConversationScenarioRun {
  /// The platforms' endpoints on `platform`, as `--endpoint` arguments.
  static func endpoints(_ platform: LocalPlatform) -> [String] {
    LocalEndpoints(.standard, baseURL: platform.baseURL).arguments
  }

  /// The verdicts of every example (by name) with `faults` on while the tests run, and the
  /// platform's counts meanwhile. `registry` replaces the platforms the commands use (the
  /// negative test's retry-less ones).
  static func verdicts(
    _ scenario: ConversationScenario, faults: FaultConfiguration, on platform: LocalPlatform,
    examples: URL, registry: PlatformRegistry? = nil
  ) async -> ConversationOutcome {
    var outcome = ConversationOutcome(seed: scenario.seed, drawnKinds: scenario.drawnKinds)
    var keys: [String: String] = [:]
    do {
      await platform.setFaults(.none)
      for example in ConversationScenario.examples {
        let key = try await platform.createOrganization(
          named: "conversation-\(scenario.seed)-\(example)-\(UUID().uuidString.prefix(8))")
        keys[example] = key
        let apply = await CommandRunner.run(
          ["apply", "-f", examples.appendingPathComponent(example).path, "--auto-approve"]
            + endpoints(platform), environment: environment(key))
        if apply.code != 0 {
          outcome.problems.append("applying \(example) without faults failed:\n\(apply.all)")
          return outcome
        }
      }
    } catch {
      outcome.problems.append("the scenario could not be set up: \(error)")
      return outcome
    }
    let start = ContinuousClock.now
    for (index, example) in ConversationScenario.examples.enumerated() {
      let arguments =
        [
          "test", "-f", examples.appendingPathComponent(example).path, "--output", "json",
          "--parallelism", String(scenario.parallelism),
        ] + endpoints(platform)
      let env = environment(keys[example] ?? "")
      for attempt in 1...maxAttempts {
        var attemptFaults = faults
        attemptFaults.seed = faults.seed &+ UInt64(100 * attempt + index)
        await platform.resetMetrics()
        await platform.setFaults(attemptFaults)
        let result =
          if let registry {
            await ActivePlatforms.$registry.withValue(registry) {
              await CommandRunner.run(arguments, environment: env)
            }
          } else {
            await CommandRunner.run(arguments, environment: env)
          }
        let metrics = await platform.metrics()
        await platform.setFaults(.none)
        outcome.add(metrics)
        if attempt < maxAttempts && exhaustedRetries(result.all, metrics: metrics) {
          outcome.exhausted += 1
          continue
        }
        switch ConversationVerdicts.read(exitCode: result.code, json: result.out) {
        case .success(let verdicts): outcome.verdicts[example] = verdicts
        case .failure(let error):
          outcome.problems.append(
            "heho test on \(example) (exit code \(result.code)): \(error):\n\(result.all)")
        }
        break
      }
    }
    let elapsed = (ContinuousClock.now - start).components
    outcome.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    return outcome
  }

  /// Runs of `heho test` per example: a run whose client really gave up on a request is run
  /// again, with the next fault seed, as the apply suites apply again.
  static let maxAttempts = 3

  /// Whether a run failed because the client's retries ran out, and the platform shows it:
  /// the output says so, and some route met at least five faults (the client's five attempts).
  /// Five faults in a row on one request make a turn an error by design: the test did not run.
  static func exhaustedRetries(_ output: String, metrics: LocalMetrics) -> Bool {
    output.contains("(gave up after 5 attempts)")
      && metrics.faultsByRoute.values.contains { $0.values.reduce(0, +) >= 5 }
  }

  /// The scenario with its faults, compared with `reference` (each example's fault-free
  /// verdicts): every difference is a problem.
  static func run(
    _ scenario: ConversationScenario, on platform: LocalPlatform, examples: URL,
    reference: [String: ConversationVerdicts], registry: PlatformRegistry? = nil
  ) async -> ConversationOutcome {
    var outcome = await verdicts(
      scenario, faults: scenario.faults, on: platform, examples: examples, registry: registry)
    for example in ConversationScenario.examples {
      guard let verdicts = outcome.verdicts[example], let expected = reference[example] else {
        continue
      }
      if verdicts != expected {
        let differences = verdicts.differences(from: expected)
        outcome.problems.append(
          "\(example): the verdicts differ from the run without faults:\n    "
            + (differences.isEmpty ? ["the same verdicts in another order"] : differences)
            .joined(separator: "\n    "))
      }
    }
    return outcome
  }

  /// The keys of an organization for every platform, and the example's webhook secret.
  static func environment(_ key: String) -> [String: String] {
    [
      "HEHO_API_KEY": key, "BOTHERO_API_KEY": key, "HEPPU_API_KEY": key,
      "CRM_WEBHOOK_SECRET": "conversation-reliability-secret", "NO_COLOR": "1",
    ]
  }
}
