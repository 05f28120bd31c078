import HehoEngine
import HehoManifest
import Testing

/// Records are reached through `Provider.records`: the provider itself when it adopts
/// `RecordProvider`, and otherwise one that holds none and says so when asked for some.
@Suite struct RecordProviderTests {
  /// A provider with a data-holding kind that does not adopt `RecordProvider`.
  struct RecordlessProvider: Provider {
    var name: String { "plain" }
    var platforms: [PlatformEndpoint] { [] }
    var kinds: [KindBehavior] {
      [KindBehavior(kind: "vault", platform: "plain", holdsData: true, replacementReason: "")]
    }
    func compile(_ state: DesiredState) throws -> CompiledDesiredState {
      CompiledDesiredState(items: [], notes: [])
    }
    func fetchLiveState() async throws -> LiveState { LiveState(resources: [], readsMade: 0) }
    func perform(_ step: ApplyStep) async throws -> StepResult { StepResult() }
  }

  static let vault = LiveResource(
    address: ResourceAddress(kind: "vault", name: "v"), id: "1", fields: [:])

  @Test func aProviderWithoutRecordsRefusesToCountRatherThanAnswerNone() async {
    let records = RecordlessProvider().records
    await #expect {
      _ = try await records.countRecords(in: Self.vault)
    } throws: { error in
      "\(error)".contains("its kind 'vault' holds some; its provider must adopt RecordProvider")
    }
    let none = try? await records.fetchRecords([])
    #expect(none?.resources.isEmpty == true)
    #expect(
      records.migration(
        from: Self.vault, to: DesiredItem(address: Self.vault.address, fields: [:], payload: [:]))
        == nil)
  }

  @Test func aRecordProviderAnswersForItself() async throws {
    let fake = FakeProvider(records: ["vault/v": 7])
    #expect(try await fake.records.countRecords(in: Self.vault) == 7)
    #expect(fake.counted == ["vault/v"])
  }

  @Test func aGroupAsksTheMemberThatOwnsTheKind() async throws {
    let group = ProviderGroup([RecordlessProvider(), FakeProvider(records: ["store/t": 3])])
    let table = LiveResource(
      address: ResourceAddress(kind: "store", name: "t"), id: "t", fields: [:])
    #expect(try await group.records.countRecords(in: table) == 3)
    await #expect(throws: ProviderError.self) {
      _ = try await group.records.countRecords(in: Self.vault)
    }
  }
}
