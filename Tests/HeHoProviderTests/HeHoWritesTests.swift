import Foundation
import HeHoProvider
import HehoEngine
import HehoManifest
import HehoTestSupport
@_spi(FaultTesting) import PlatformKit
import Testing

@Suite struct HeHoWritesTests {
  static let bot = ResourceAddress(kind: "chatbot", name: "support-bot")
  static let table = ResourceAddress(kind: "table", name: "orders")

  static func provider(_ fake: FakeHeHo) async -> HeHoProvider {
    HeHoProvider(
      client: APIClient(transport: await fake.transport, apiKey: FakeHeHo.key, retry: .immediate()))
  }

  static func createBot() -> ApplyStep {
    ApplyStep(action: .create, address: bot, payload: ["name": .string("support-bot")])
  }

  /// A chatbot delete without its ID used to send `chatbotId=` (an empty ID); it is refused
  /// before any request now, as every provider's writes are.
  @Test(arguments: [nil, ""] as [String?])
  func aChatbotDeleteWithoutAnIDSendsNothing(id: String?) async throws {
    let fake = FakeHeHo()
    await #expect {
      _ = try await Self.provider(fake).perform(
        ApplyStep(action: .delete, address: Self.bot, liveID: id))
    } throws: { error in
      "\(error)".contains("chatbot/support-bot: the plan has no live ID to delete it by")
    }
    #expect(await fake.lines().isEmpty)
  }

  @Test(arguments: [FakeHeHo.Fault.commitThen500, .commitThenDrop])
  func createWhoseOutcomeIsUnknownAdoptsTheCommittedResource(fault: FakeHeHo.Fault) async throws {
    let fake = FakeHeHo()
    await fake.fail("POST /api/v1/chatbots/manage", with: [fault])
    let result = try await Self.provider(fake).perform(Self.createBot())
    #expect(result.adopted)
    #expect(await fake.chatbotCount == 1)
    #expect(await fake.lines() == ["POST /api/v1/chatbots/manage", "GET /api/v1/chatbots/manage"])
  }

  @Test func createThatWasNotProcessedIsSentAgainAfterTheLookup() async throws {
    let fake = FakeHeHo()
    await fake.fail("POST /api/v1/chatbots/manage", with: [.drop, .status(503, retryAfter: nil)])
    let result = try await Self.provider(fake).perform(Self.createBot())
    #expect(!result.adopted)
    #expect(result.liveID != nil)
    #expect(await fake.chatbotCount == 1)
    #expect(
      await fake.lines() == [
        "POST /api/v1/chatbots/manage", "GET /api/v1/chatbots/manage",
        "POST /api/v1/chatbots/manage", "GET /api/v1/chatbots/manage",
        "POST /api/v1/chatbots/manage",
      ])
  }

  @Test func aRepeatedNameFoundAfterAnUnknownOutcomeStopsTheCreate() async throws {
    let fake = FakeHeHo()
    // Made by someone else between plan and apply: HeHo accepts a repeated chatbot name.
    await fake.addChatbot(name: "support-bot", id: "theirs")
    await fake.fail("POST /api/v1/chatbots/manage", with: [.commitThen500])
    await #expect {
      try await Self.provider(fake).perform(Self.createBot())
    } throws: { error in
      let text = "\(error)"
      return text.contains("holds 2 resources named 'support-bot'") && text.contains("theirs")
        && text.contains("sent nothing more")
    }
    #expect(await fake.chatbotCount == 2)
    #expect(await fake.lines() == ["POST /api/v1/chatbots/manage", "GET /api/v1/chatbots/manage"])
  }

  @Test func aLookUpThatFailsSaysTheCreateMayHaveLandedAndSendsNothingMore() async throws {
    let fake = FakeHeHo()
    await fake.fail("POST /api/v1/chatbots/manage", with: [.commitThen500])
    await fake.fail(
      "GET /api/v1/chatbots/manage",
      with: Array(repeating: .status(503, retryAfter: nil), count: 5))
    await #expect {
      try await Self.provider(fake).perform(Self.createBot())
    } throws: { error in
      let text = "\(error)"
      return text.contains("the answer to the create was lost, and looking it up failed")
        && text.contains("it may exist on the platform now: run heho apply again")
    }
    #expect(await fake.chatbotCount == 1)
    #expect(await fake.lines().filter { $0.hasPrefix("POST") }.count == 1)
  }

  @Test func theTestOnlyBlindResendMakesTheDuplicateTheLookUpPrevents() async throws {
    let fake = FakeHeHo()
    await fake.fail("POST /api/v1/chatbots/manage", with: [.commitThen500])
    let provider = await Self.provider(fake)
    let result = try await CreateSafety.$resendWithoutLookup.withValue(true) {
      try await provider.perform(Self.createBot())
    }
    #expect(!result.adopted)
    #expect(await fake.chatbotCount == 2)
    #expect(
      await fake.lines() == ["POST /api/v1/chatbots/manage", "POST /api/v1/chatbots/manage"])
  }

  @Test func tableCreateAfterCommitThenFailIsAdopted() async throws {
    let fake = FakeHeHo()
    await fake.fail("POST /api/v1/database/tables", with: [.commitThen500])
    let step = ApplyStep(
      action: .create, address: Self.table,
      payload: ["tableName": .string("orders"), "columns": .array([])])
    #expect(try await Self.provider(fake).perform(step).adopted)
    #expect(await fake.tableCount == 1)
  }

  @Test func deleteTreats404AfterAnUnknownOutcomeAsDone() async throws {
    let fake = FakeHeHo()
    await fake.addChatbot(name: "support-bot", id: "b1")
    await fake.fail("DELETE /api/v1/chatbots/manage", with: [.commitThen500])
    let step = ApplyStep(action: .delete, address: Self.bot, liveID: "b1")
    _ = try await Self.provider(fake).perform(step)
    #expect(await fake.chatbotCount == 0)
    #expect(await fake.lines().count == 2)
  }

  @Test func deleteOfAMissingResourceOnTheFirstAttemptFails() async throws {
    let fake = FakeHeHo()
    let step = ApplyStep(action: .delete, address: Self.bot, liveID: "nope")
    await #expect {
      try await Self.provider(fake).perform(step)
    } throws: { error in
      (error as? ProviderError)?.status == 404
    }
  }

  @Test func connectOfATableMissingFromTheDatabaseSaysSo() async throws {
    let fake = FakeHeHo()
    let step = ApplyStep(action: .connect, address: Self.table)
    await #expect {
      try await Self.provider(fake).perform(step)
    } throws: { error in
      "\(error)".contains("does not exist in the organization's database")
        && "\(error)".contains("connect: true")
    }
  }

  @Test func connectOfATableAlreadyOnThePlatformIsDone() async throws {
    let fake = FakeHeHo()
    await fake.addTable("orders", columns: [("id", "integer", true)])
    #expect(
      try await Self.provider(fake).perform(ApplyStep(action: .connect, address: Self.table))
        .adopted)
  }

  @Test func updateIsNotSupported() async throws {
    let fake = FakeHeHo()
    await #expect(throws: ProviderError.self) {
      try await Self.provider(fake).perform(
        ApplyStep(action: .update, address: Self.bot, liveID: "b"))
    }
  }
}
