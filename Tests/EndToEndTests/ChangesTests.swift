import Foundation
import LocalServerKit
import Testing

/// Changing manifests gives the expected operations, and apply converges.
@Suite struct ChangesTests {
  @Test func eachKindOfChangeGivesTheExpectedOperation() async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try harness.edit("chatbots.yaml") {
      $0.replacingOccurrences(of: "theme: ocean", with: "theme: grape")
    }
    try harness.edit("tables.yaml") {
      $0.replacingOccurrences(
        of: "{ name: topic, type: varchar(64) }", with: "{ name: topic, type: text }")
    }
    try harness.edit("permissions.yaml") {
      $0 + "\n---\napiVersion: heho/v1\nkind: Permission\nmetadata:\n  name: faq-bot-products\n"
        + "spec:\n  chatbot: faq-bot\n  table: products\n  read: true\n"
    }
    try harness.edit("tables.yaml") {
      $0 + "\n---\napiVersion: heho/v1\nkind: Table\nmetadata:\n  name: returns\nspec:\n"
        + "  columns:\n    - { name: id, type: int, primaryKey: true }\n"
    }
    // varchar(64) → text widens the column: the table is migrated, keeping its rows, and
    // needs no --allow-data-loss.
    let json = await harness.run(["plan", "--output", "json", "--detailed-exitcode"])
    #expect(json.code == 2, "\(json.all)")
    let actions = Harness.actions(inJSON: json.out)
    #expect(actions["chatbot/support-bot"] == "replace")
    #expect(actions["table/faq"] == "migrate")
    #expect(actions["chatbot/faq-bot"] == "replace")
    #expect(actions["table/returns"] == "create")
    #expect(actions["table/products"] == "no-op")
    let text = await harness.run(["plan"])
    #expect(text.out.contains("~ theme: \"ocean\" → \"grape\""))
    #expect(text.out.contains("faq-bot gains read on products"))
    #expect(text.out.contains("~ migrate table/faq (0 rows kept)"))
    #expect(text.out.contains("# keeps every value: topic: character varying → text (widened)"))
    #expect(
      text.out.contains("Plan: 1 to create, 0 to update, 2 to replace, 1 to migrate, 0 to delete."))
    let apply = await harness.run(["apply", "--auto-approve"])
    #expect(apply.code == 0, "\(apply.all)")
    #expect(
      apply.out.contains(
        "Apply complete: 1 created, 2 replaced, 1 migrated, 0 deleted, 0 failed, 0 skipped."))
    #expect(await harness.run(["plan", "--detailed-exitcode"]).code == 0)
    await harness.stop()
  }

  @Test func removedResourceIsUnmanagedUnlessTheProjectPrunes() async throws {
    let harness = try await Harness.start()
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    try harness.edit("chatbots.yaml") { text in
      String(
        text[
          ..<(text.range(of: "---\napiVersion: heho/v1\nkind: Chatbot\nmetadata:\n  name: faq-bot")?
            .lowerBound ?? text.endIndex)])
    }
    try harness.edit("permissions.yaml") { text in
      String(
        text[
          ..<(text.range(
            of: "---\napiVersion: heho/v1\nkind: Permission\nmetadata:\n  name: faq-bot-faq")?
            .lowerBound ?? text.endIndex)])
    }
    let kept = await harness.run(["plan", "--detailed-exitcode"])
    #expect(kept.code == 0, "\(kept.all)")
    #expect(kept.out.contains("? chatbot/faq-bot"))
    #expect(kept.out.contains("set prune: true to delete"))
    try harness.edit("heho.yaml") {
      $0.replacingOccurrences(of: "prune: false", with: "prune: true")
    }
    let pruned = await harness.run(["plan", "--detailed-exitcode"])
    #expect(pruned.code == 2)
    #expect(pruned.out.contains("Plan: 0 to create, 0 to update, 0 to replace, 1 to delete."))
    #expect(await harness.run(["apply", "--auto-approve"]).code == 0)
    #expect(try await harness.chatbotNames() == ["orders-bot", "support-bot"])
    await harness.stop()
  }

  @Test func targetPlansOnlyTheResourceAndWhatItNeeds() async throws {
    let harness = try await Harness.start()
    let plan = await harness.run(["plan", "--output", "json", "--target", "chatbot/faq-bot"])
    #expect(Set(Harness.actions(inJSON: plan.out).keys) == ["table/faq", "chatbot/faq-bot"])
    #expect(await harness.run(["apply", "--auto-approve", "--exclude", "table/faq"]).code == 0)
    #expect(try await harness.tableNames() == ["orders", "products"])
    #expect(try await harness.chatbotNames() == ["orders-bot"])
    await harness.stop()
  }
}
