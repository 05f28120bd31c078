import Foundation
import Testing

/// How a text plan reads.
@Suite struct PlanTextTests {
  @Test func aTableCreateShowsOneLinePerColumnAsWritten() async throws {
    let harness = try await Harness.start()
    let plan = await harness.run(["plan"])
    #expect(plan.code == 0, "\(plan.all)")
    let lines = plan.out.split(separator: "\n").map(String.init)
    let start = try #require(lines.firstIndex { $0.hasSuffix("+ table/faq") })
    #expect(
      Array(lines[(start + 1)...(start + 4)]) == [
        "      + id        uuid         primary key",
        "      + question  text         not null",
        "      + answer    text         not null",
        "      + topic     varchar(64)",
      ])
    #expect(!plan.out.contains("columns.topic.type"))
    #expect(plan.out.contains("      + quantity        integer      not null, default 1"))
    // The JSON plan keeps every field, and the outline beside them.
    let json = await harness.run(["plan", "--output", "json"])
    #expect(json.out.contains("\"columns.topic.type\""))
    #expect(json.out.contains("\"topic     varchar(64)\""))
    await harness.stop()
  }
}
