import Foundation
import HeHoLocalServer
@_spi(Testing) import LocalServerKit
import Testing

/// After the writes, apply reads back what it wrote: "Apply complete" means the live state
/// matches, and a field the platform did not keep is named.
@Suite struct VerifyAfterApplyTests {
  @Test func aFieldThePlatformDidNotKeepIsNamedAndTheApplyFails() async throws {
    let harness = try await Harness.start()
    // The support-desk chatbots ask for themes other than sky; the platform keeps sky.
    await harness.platform.setSettings(HeHoLocalSettings(storedChatbotTheme: "sky"))
    await harness.platform.resetMetrics()
    let apply = await harness.run(["apply", "--auto-approve"])
    #expect(apply.code == 1, "\(apply.all)")
    #expect(
      apply.out.contains("Read back after apply, the platform did not keep these as written:"))
    #expect(
      apply.out.contains(#"chatbot/support-bot (heho): theme is "sky", written "ocean""#),
      "\(apply.out)")
    let summary = try #require(apply.out.split(separator: "\n").last { $0.hasPrefix("Apply ") })
    #expect(summary.hasPrefix("Apply finished with differences: 6 created"), "\(summary)")
    #expect(summary.hasSuffix("not kept as written."))
    // The read-back is one list call per collection.
    let metrics = await harness.platform.metrics()
    #expect(metrics.count("GET", "/api/v1/chatbots/manage") == 2)
    #expect(metrics.count("GET", "/api/v1/database/manage") == 2)
    await harness.platform.setSettings(HeHoLocalSettings())
    await harness.stop()
  }

  @Test func whatThePlatformKeepsAsWrittenEndsInApplyComplete() async throws {
    let harness = try await Harness.start()
    let apply = await harness.run(["apply", "--auto-approve"])
    #expect(apply.code == 0, "\(apply.all)")
    #expect(!apply.out.contains("did not keep"))
    #expect(apply.out.contains("Apply complete: 6 created"))
    await harness.stop()
  }
}
