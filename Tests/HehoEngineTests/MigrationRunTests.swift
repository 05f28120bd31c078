import Foundation
@_spi(FaultTesting) import HehoEngine
import HehoManifest
import Synchronization
import Testing

/// An in-memory platform of one kind, `shelf`, that holds records and cannot change in place:
/// enough to drive a migration through the engine alone.
final class ShelfProvider: RecordProvider {
  struct Shelf: Sendable {
    var exists = true
    var fields: [String: Value]
    var records: [[String: Value]]
  }

  let state: Mutex<Shelf>

  init(fields: [String: Value], records: [[String: Value]]) {
    state = Mutex(Shelf(fields: fields, records: records))
  }

  static let address = ResourceAddress(kind: "shelf", name: "a")
  var records: [[String: Value]] { state.withLock { $0.records } }
  var name: String { "shelves" }
  var platforms: [PlatformEndpoint] { [PlatformEndpoint(name: "shelves", endpoint: "memory")] }
  var kinds: [KindBehavior] {
    [
      KindBehavior(
        kind: "shelf", platform: "shelves", holdsData: true,
        replacementReason: "shelves cannot be altered", migrationReason: "shelves are copied")
    ]
  }

  func compile(_ state: DesiredState) throws -> CompiledDesiredState {
    CompiledDesiredState(
      items: state.resources.map {
        DesiredItem(
          address: $0.address, fields: $0.spec, payload: $0.spec, lifecycle: $0.lifecycle)
      })
  }

  func fetchLiveState() async throws -> LiveState {
    let shelf = state.withLock { $0 }
    let resources =
      shelf.exists ? [LiveResource(address: Self.address, id: "a", fields: shelf.fields)] : []
    return LiveState(resources: resources, readsMade: 1)
  }

  func fetchRecords(_ sources: [RecordSource]) async throws -> LiveState {
    let shelf = state.withLock { $0 }
    guard shelf.exists else { return LiveState(resources: [], readsMade: sources.count) }
    let records = shelf.records.map {
      Record(key: RecordKey.text($0["id"]), fields: $0, id: $0["id"])
    }
    return LiveState(
      resources: sources.map {
        LiveResource(address: $0.address, id: "a", fields: [:], records: records)
      }, readsMade: sources.count)
  }

  func countRecords(in resource: LiveResource) async throws -> Int { records.count }

  func perform(_ step: ApplyStep) async throws -> StepResult {
    try state.withLock { shelf in
      if step.record != nil {
        shelf.records.append(step.payload)
        return StepResult()
      }
      switch step.action {
      case .delete:
        guard shelf.exists else { throw ProviderError("no shelf", status: 404) }
        shelf = Shelf(exists: false, fields: [:], records: [])
      case .create:
        guard !shelf.exists else { throw ProviderError("shelf exists", status: 409) }
        shelf = Shelf(exists: true, fields: step.payload, records: [])
      default:
        throw ProviderError("shelves cannot \(step.action.rawValue)")
      }
      return StepResult(liveID: "a")
    }
  }

  func explain(_ change: FieldChange, of address: ResourceAddress) -> String? { nil }

  func migration(from live: LiveResource, to item: DesiredItem) -> MigrationPlan? {
    let source = RecordSource(
      address: Self.address, container: Self.address, keyField: "id", idField: "id")
    return MigrationPlan(source: source, target: source, carried: ["id", "v"], noun: "items")
  }

  func carryOver(_ record: Record, in migration: MigrationPlan) -> CarriedRecord {
    if record.fields["v"] == .string("bad") { return .dropped("v is bad") }
    return .kept(["id": record.fields["id"] ?? .null, "v": record.fields["v"] ?? .null], lost: [])
  }
}

@Suite("A migration backs up, drops, creates, restores and verifies, and resumes from its journal")
struct MigrationRunTests {
  static let rows: [[String: Value]] = (1...5).map { ["id": .int($0), "v": .string("v\($0)")] }

  static func state(size: Int) -> DesiredState {
    DesiredState(
      project: ProjectSettings(name: "shelves"),
      resources: [
        DesiredResource(
          kind: "shelf", name: "a", spec: ["size": .int(size)],
          location: SourceLocation(file: "shelves.yaml", line: 1, column: 1))
      ])
  }

  /// A migration of the shelf stopped right after its backup, as a crash there would.
  static func stoppedAfterItsBackup() async throws -> (
    ShelfProvider, InMemoryMigrationStore, Planner
  ) {
    let provider = ShelfProvider(fields: ["size": .int(1)], records: rows)
    let store = InMemoryMigrationStore()
    let planner = Planner(provider: provider, migrations: store)
    let plan = try await planner.plan(state(size: 2))
    _ = await MigrationStops.$stop.withValue({ $0 == .backedUp }) {
      await Executor(provider: provider, migrations: store).apply(plan)
    }
    return (provider, store, planner)
  }

  static func sorted(_ rows: [[String: Value]]) -> [String] {
    rows.map { "\($0["id"] ?? .null) \($0["v"] ?? .null)" }.sorted()
  }

  @Test func aMigrationKeepsEveryRecordAndClosesItsJournal() async throws {
    let provider = ShelfProvider(fields: ["size": .int(1)], records: Self.rows)
    let store = InMemoryMigrationStore()
    let plan = try await Planner(provider: provider, migrations: store).plan(Self.state(size: 2))
    let operation = try #require(plan.operations.first)
    #expect(operation.action == .migrate)
    #expect(operation.migration?.headline == "5 items kept")
    #expect(plan.problems.isEmpty)
    let report = await Executor(provider: provider, migrations: store).apply(plan)
    #expect(report.succeeded, "\(report.records)")
    #expect(Self.sorted(provider.records) == Self.sorted(Self.rows))
    #expect(try store.journals().isEmpty)
    #expect(try store.records(inBackup: try #require(store.backups.first)).count == 5)
  }

  @Test(arguments: [
    MigrationRun.Checkpoint.backedUp, .dropped, .created, .restored(2), .restored(5), .verified,
  ])
  func aMigrationStoppedAnywhereIsResumedWithEveryRecordOnce(
    at stop: MigrationRun.Checkpoint
  ) async throws {
    let provider = ShelfProvider(fields: ["size": .int(1)], records: Self.rows)
    let store = InMemoryMigrationStore()
    let planner = Planner(provider: provider, migrations: store)
    let plan = try await planner.plan(Self.state(size: 2))
    let stopped = await MigrationStops.$stop.withValue({ $0 == stop }) {
      await Executor(provider: provider, parallelism: 1, migrations: store).apply(plan)
    }
    #expect(!stopped.succeeded)
    #expect(try store.journals().count == 1)
    let resume = try await planner.plan(Self.state(size: 2))
    let operation = try #require(resume.operations.first)
    #expect(operation.migration?.resume?.records == 5)
    #expect(operation.migration?.headline == "5 items from backup")
    #expect(
      TextRenderer(color: false).render(resume).contains(
        "~ resume migration of shelf/a (5 items from backup)"))
    let finished = await Executor(provider: provider, migrations: store).apply(resume)
    #expect(finished.succeeded, "\(finished.records)")
    #expect(Self.sorted(provider.records) == Self.sorted(Self.rows))
    #expect(try store.journals().isEmpty)
    let after = try await planner.plan(Self.state(size: 2))
    #expect(!after.summary.hasChanges)
  }

  @Test func aResumeBeforeTheDropBacksUpAgainSoThatLaterRecordsAreKept() async throws {
    let (provider, store, planner) = try await Self.stoppedAfterItsBackup()
    let late: [String: Value] = ["id": .int(6), "v": .string("written later")]
    provider.state.withLock { $0.records.append(late) }
    let resume = try await planner.plan(Self.state(size: 2))
    let finished = await Executor(provider: provider, migrations: store).apply(resume)
    #expect(finished.succeeded, "\(finished.records)")
    #expect(Self.sorted(provider.records) == Self.sorted(Self.rows + [late]))
    #expect(store.backups.count == 2, "the first backup is kept, and a second one taken")
  }

  @Test func aResumeBeforeTheDropKeepsTheFirstBackupsRowsTheTableNoLongerHolds() async throws {
    let (provider, store, planner) = try await Self.stoppedAfterItsBackup()
    // Dropped before the stop was recorded, then made anew by someone else, with one row.
    let other: [String: Value] = ["id": .int(9), "v": .string("theirs")]
    provider.state.withLock { $0.records = [other] }
    let resume = try await planner.plan(Self.state(size: 2))
    let finished = await Executor(provider: provider, migrations: store).apply(resume)
    #expect(finished.succeeded, "\(finished.records)")
    #expect(Self.sorted(provider.records) == Self.sorted(Self.rows + [other]))
  }

  @Test func aSecondMigrationOfATableWithAJournalChangesNothing() async throws {
    let provider = ShelfProvider(fields: ["size": .int(1)], records: Self.rows)
    let store = InMemoryMigrationStore()
    let plan = try await Planner(provider: provider, migrations: store).plan(Self.state(size: 2))
    // Another apply started the same migration after this plan was made.
    try store.write(
      MigrationJournal(
        address: ShelfProvider.address, platform: "shelves", backup: "b.jsonl", records: 5,
        phase: .backedUp, started: "now", payload: [:],
        migration: try #require(plan.operations.first?.migration)))
    let report = await Executor(provider: provider, migrations: store).apply(plan)
    #expect(!report.succeeded)
    #expect(provider.records.count == 5, "nothing was dropped")
  }

  @Test func recordsThatChangedSinceThePlanSoThatOneIsLostStopBeforeTheDrop() async throws {
    let provider = ShelfProvider(fields: ["size": .int(1)], records: Self.rows)
    let store = InMemoryMigrationStore()
    let plan = try await Planner(provider: provider, migrations: store).plan(Self.state(size: 2))
    provider.state.withLock { $0.records.append(["id": .int(6), "v": .string("bad")]) }
    let report = await Executor(provider: provider, migrations: store).apply(plan)
    #expect(!report.succeeded)
    let failure = report.records.compactMap { record -> String? in
      if case .failed(let message) = record.status { return message }
      return nil
    }.first
    #expect(failure?.contains("changed since the plan") == true, "\(String(describing: failure))")
    #expect(provider.records.count == 6, "nothing was dropped")
    #expect(try store.journals().isEmpty)
    #expect(store.backups.isEmpty)
  }
}
