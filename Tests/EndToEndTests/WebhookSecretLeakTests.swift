import BotHeroProvider
import Foundation
@_spi(Testing) import LocalServerKit
import Testing

/// A webhook's secret, read from `${env.NAME}`, is on the run's redaction list next to the API
/// keys: no output, report file or plan file holds it, in any encoding, against HehoLocal's
/// BotHero, also when a manifest puts it in a field that is shown.
@Suite struct WebhookSecretLeakTests {
  static let secret = LeakCheck(secret: "wh/LOCAL+SIGNINGSECRET=/xyz==", core: "SIGNINGSECRET")

  /// The BotHero example on a fresh platform, its webhook secret `secret`.
  struct World {
    let harness: Harness

    static func start() async throws -> World {
      World(harness: try await Harness.start(example: "bothero-support"))
    }

    func path(_ file: String) -> String { harness.directory.appendingPathComponent(file).path }

    func run(_ arguments: [String]) async -> RunResult {
      var environment = harness.environment
      environment["CRM_WEBHOOK_SECRET"] = WebhookSecretLeakTests.secret.secret
      let result = await Harness.runCommand(
        arguments + [
          "-f", harness.directory.path, "--endpoint",
          "bothero=\(harness.endpoints.endpoint(BotHeroDescriptor()))",
        ], environment: environment)
      harness.transcript.out(result.out)
      harness.transcript.err(result.err)
      return result
    }

    /// The forms of the secret in `text` (none when it is clean).
    func leaks(in file: String) throws -> [String] {
      WebhookSecretLeakTests.secret.found(
        in: try String(contentsOfFile: path(file), encoding: .utf8))
    }

    /// The forms of the secret in everything every run printed.
    var printedLeaks: [String] {
      let (out, err) = harness.transcript.captured
      return WebhookSecretLeakTests.secret.found(in: out + err)
    }
  }

  @Test func aSuccessfulPlanApplyAndDriftShowNoSecret() async throws {
    let world = try await World.start()
    let plan = await world.run(["plan", "--out", world.path("saved.plan.json")])
    #expect(plan.code == 0, "\(plan.all)")
    #expect(try world.leaks(in: "saved.plan.json").isEmpty)
    let apply = await world.run([
      "apply", "--auto-approve", "--report-file", world.path("apply.json"),
    ])
    #expect(apply.code == 0, "\(apply.all)")
    #expect(try world.leaks(in: "apply.json").isEmpty)
    let drift = await world.run(["drift", "--report-file", world.path("drift.txt")])
    #expect(drift.code == 0, "\(drift.all)")
    #expect(try world.leaks(in: "drift.txt").isEmpty)
    // The secret was sent: the platform's fingerprint of it matches, so nothing is planned.
    let metrics = await world.harness.platform.metrics()
    #expect(metrics.routes["POST /v1/webhooks"] == 1, "\(metrics.routes)")
    #expect(await world.run(["plan", "--detailed-exitcode"]).code == 0)
    #expect(world.printedLeaks.isEmpty)
    await world.harness.stop()
  }

  @Test func aSecretInAShownFieldIsRedactedFromOutputReportsAndPlanFiles() async throws {
    let world = try await World.start()
    let url = "https://crm.example.com/hooks/bothero?token=\(Self.secret.secret)"
    try world.harness.edit("webhooks.yaml") {
      $0.replacingOccurrences(
        of: "url: https://crm.example.com/hooks/bothero",
        with: "url: https://crm.example.com/hooks/bothero?token=${env.CRM_WEBHOOK_SECRET}")
    }
    // Shown in the plan, the value is redacted where it stands.
    let plan = await world.run(["plan"])
    #expect(plan.code == 0, "\(plan.all)")
    #expect(plan.out.contains("token=[redacted]"), "\(plan.out)")
    // Saved, the plan file is redacted too, and said to be unfit to apply.
    let saved = await world.run(["plan", "--out", world.path("saved.plan.json")])
    #expect(saved.code == 1, "\(saved.all)")
    #expect(saved.err.contains("must not be applied"), "\(saved.err)")
    let file = try String(contentsOfFile: world.path("saved.plan.json"), encoding: .utf8)
    #expect(file.contains("token=[redacted]"), "\(file)")
    #expect(try world.leaks(in: "saved.plan.json").isEmpty)
    // Applied from the project, the real value is written, and shown nowhere.
    let apply = await world.run([
      "apply", "--auto-approve", "--report-file", world.path("apply.json"),
    ])
    #expect(apply.code == 0, "\(apply.all)")
    #expect(try world.leaks(in: "apply.json").isEmpty)
    let hooks = try await world.harness.api("GET", "/v1/webhooks")["data"] as? [[String: Any]]
    #expect(hooks?.first?["url"] as? String == url)
    #expect(world.printedLeaks.isEmpty, "\(world.printedLeaks)")
    await world.harness.stop()
  }
}
