import Foundation
import LocalServerKit
import Testing

/// Each example applies cleanly to a fresh platform, and then nothing is left to change.
@Suite struct ExamplesTests {
  @Test(
    arguments: [
      ("support-desk", nil), ("multi-env", "dev"), ("multi-env", "prod"), ("multi-env", nil),
    ] as [(String, String?)])
  func applyThenPlanIsEmpty(example: String, environment: String?) async throws {
    let harness = try await Harness.start(example: example)
    let env = environment.map { ["--env", $0] } ?? []
    let apply = await harness.run(["apply", "--auto-approve"] + env)
    #expect(apply.code == 0, "\(apply.all)")
    #expect(apply.out.contains("Apply complete:"))
    #expect(apply.out.contains("0 failed, 0 skipped."))
    let plan = await harness.run(["plan", "--detailed-exitcode"] + env)
    #expect(plan.code == 0, "\(plan.all)")
    #expect(plan.out.hasPrefix("No changes."))
    #expect(plan.out.contains("API: 2 reads made, 0 writes planned."))
    #expect(!harness.transcript.captured.out.contains(harness.platform.apiKey))
    #expect(!harness.transcript.captured.err.contains(harness.platform.apiKey))
    await harness.stop()
  }

  @Test func applyWithoutTerminalOrAutoApproveRefuses() async throws {
    let harness = try await Harness.start()
    let apply = await harness.run(["apply"])
    #expect(apply.code == 1)
    #expect(apply.err.contains("pass --auto-approve"))
    #expect(try await harness.chatbotNames().isEmpty)
    await harness.stop()
  }

  @Test func applyOnATerminalAsksAndOnlyYesApplies() async throws {
    let harness = try await Harness.start()
    let declined = await harness.run(["apply"], answer: "y")
    #expect(declined.code == 1)
    #expect(declined.out.contains("Only 'yes' is accepted"))
    #expect(declined.err.contains("apply cancelled"))
    #expect(try await harness.chatbotNames().isEmpty)
    let accepted = await harness.run(["apply"], answer: "yes")
    #expect(accepted.code == 0, "\(accepted.all)")
    #expect(accepted.out.contains("  … create table/faq"))
    #expect(try await harness.chatbotNames() == ["faq-bot", "orders-bot", "support-bot"])
    let again = await harness.run(["apply"], answer: nil)
    #expect(again.code == 0)
    #expect(
      again.out.hasSuffix(
        "Apply complete: 0 created, 0 replaced, 0 deleted, 0 failed, 0 skipped.\n"))
    await harness.stop()
  }

  @Test func missingKeyNamesTheVariable() async throws {
    let harness = try await Harness.start()
    try harness.edit("heho.yaml") {
      $0.replacingOccurrences(of: "apiKeyEnv: HEHO_API_KEY", with: "apiKeyEnv: ACME_KEY")
    }
    let plan = await harness.run(["plan"])
    #expect(plan.code == 1)
    #expect(plan.err.contains("ACME_KEY"))
    await harness.stop()
  }
}
