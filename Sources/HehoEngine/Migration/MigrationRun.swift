import Foundation
import HehoManifest

/// Runs one copy-migration, journaled so that it can stop anywhere and be finished by the next
/// apply:
///
/// 1. read every record, write the backup, then the journal (`backed-up`);
/// 2. drop the resource (`dropped`);
/// 3. create it anew (`created`);
/// 4. restore every backed-up record that is not there yet, in parallel within `width`;
/// 5. read the records back: when every one is there, close the journal (the backup is kept).
///
/// Each step checks what the last one left, so a resume repeats nothing that was done: a
/// drop that finds the resource gone, or a create that finds it made, counts as done, and the
/// restore adds only the records missing. Without the user's consent to lose data, a
/// migration whose records changed since the plan so that one would lose something stops
/// before the drop.
public struct MigrationRun: Sendable {
  /// A point in a migration where a test may stop it, as a crash would.
  public enum Checkpoint: Sendable, Hashable, CustomStringConvertible {
    case backedUp, dropped, created
    /// After `count` records were restored in this round.
    case restored(Int)
    case verified

    public var description: String {
      switch self {
      case .backedUp: "backed-up"
      case .dropped: "dropped"
      case .created: "created"
      case .restored(let count): "restored \(count)"
      case .verified: "verified"
      }
    }
  }

  /// The migrate step (its payload creates the resource anew).
  public var step: ApplyStep
  /// What is carried over.
  public var migration: MigrationPlan
  /// The platform.
  public var provider: any Provider
  /// Where the backup and the journal are kept.
  public var store: any MigrationStore
  /// The most record writes at once.
  public var width: Int

  /// How many times the restore reads back and adds what is missing before it gives up.
  static let rounds = 3

  var address: ResourceAddress { step.address }

  /// Runs (or resumes) the migration.
  public func run() async throws -> StepResult {
    var journal: MigrationJournal
    var backedUp: [[String: Value]]?
    if migration.resume != nil {
      guard let found = try ownJournal() else {
        throw ProviderError(
          "\(address): the journal of the migration to resume is gone (finished or removed "
            + "since the plan); plan again")
      }
      journal = found
      // Nothing has changed yet: back up again, so that rows written since the first
      // backup are carried over too. A table already gone was dropped after that backup.
      if journal.phase == .backedUp {
        if let again = try await backUp(
          journal.migration, payload: journal.payload, over: journal,
          earlier: try store.records(inBackup: journal.backup))
        {
          (journal, backedUp) = again
        } else {
          journal.phase = .dropped
          try store.write(journal)
        }
      }
    } else {
      if let stopped = try ownJournal() {
        throw ProviderError(
          "\(address): a migration of it already has a journal (\(stopped.backup); stopped, or "
            + "running in another apply); nothing was changed: plan again, which resumes it")
      }
      guard let again = try await backUp(migration, payload: step.payload, over: nil) else {
        throw ProviderError("\(address) is gone from the platform since the plan; plan again")
      }
      (journal, backedUp) = again
      try Self.checkpoint(.backedUp)
    }
    var fresh = false
    if journal.phase == .backedUp {
      try await drop()
      journal.phase = .dropped
      try store.write(journal)
      try Self.checkpoint(.dropped)
    }
    if journal.phase == .dropped {
      // A table found made (before a stop, or by someone else) may hold rows: read it first.
      fresh = try await create(journal.payload)
      journal.phase = .created
      try store.write(journal)
      try Self.checkpoint(.created)
    }
    let records = try backedUp ?? store.records(inBackup: journal.backup)
    try await restore(records, journal: journal, fresh: fresh)
    try Self.checkpoint(.verified)
    try store.close(journal)
    return StepResult(liveID: step.liveID ?? address.name)
  }

  /// The store's journal of this resource, if any.
  func ownJournal() throws -> MigrationJournal? {
    try store.journals().first { $0.address == address && $0.platform == step.platform }
  }

  /// Reads every record and writes the backup and the journal (replacing `previous`, a
  /// journal of the same migration that got no further than its backup); refuses, before
  /// anything is changed, a migration that would now lose data the plan did not say it would.
  /// `nil` when the resource is gone.
  ///
  /// Records of `earlier` (the first backup, when backing up again) whose keys the resource no
  /// longer holds are kept too: a table dropped and made anew by someone else before a resume
  /// must not lose the rows the first backup holds (a row deleted meanwhile comes back).
  func backUp(
    _ migration: MigrationPlan, payload: [String: Value], over previous: MigrationJournal?,
    earlier: [[String: Value]] = []
  ) async throws -> (MigrationJournal, [[String: Value]])? {
    let read = try await labeled("backup") {
      try await provider.records.fetchRecords([migration.source])
    }
    guard let live = read.resources.first else { return nil }
    let records = live.records ?? []
    if !migration.allowsLoss {
      for (position, record) in records.enumerated() {
        let losses = provider.records.carryOver(record, in: migration).losses
        guard losses.isEmpty else {
          let name =
            migration.source.keyField.isEmpty ? "row \(position + 1)" : "key \(record.key)"
          throw ProviderError(
            "\(address): its \(migration.noun) changed since the plan, and the migration would "
              + "now lose data (\(name): \(losses.joined(separator: "; "))); nothing was "
              + "changed: plan again, and allow the loss with --allow-data-loss if it is meant")
        }
      }
    }
    var fields = records.map(\.fields)
    let key = migration.source.keyField
    if !key.isEmpty && !earlier.isEmpty {
      let held = Set(fields.map { RecordKey.text($0[key]) })
      fields += earlier.filter { !held.contains(RecordKey.text($0[key])) }
    }
    let backup = try store.backup(fields, of: address)
    let journal = MigrationJournal(
      address: address, platform: step.platform, backup: backup, records: fields.count,
      phase: .backedUp, started: previous?.started ?? Self.now(), payload: payload,
      migration: migration)
    if previous == nil { try store.start(journal) } else { try store.write(journal) }
    return (journal, fields)
  }

  /// Drops the resource; gone already counts as dropped.
  func drop() async throws {
    do {
      _ = try await labeled("drop") {
        try await provider.perform(
          ApplyStep(
            action: .delete, address: address, platform: step.platform,
            liveID: step.liveID ?? address.name))
      }
    } catch let error as ProviderError where error.status == 404 {
      return
    }
  }

  /// Creates the resource anew; already there (made before a stop) counts as created. Whether
  /// this call made it (so that it holds no records).
  func create(_ payload: [String: Value]) async throws -> Bool {
    do {
      let result = try await labeled("create") {
        try await provider.perform(
          ApplyStep(action: .create, address: address, platform: step.platform, payload: payload))
      }
      return !result.adopted
    } catch let error as ProviderError where error.status == 409 {
      return false
    }
  }

  /// Adds every backed-up record that is not there yet, then reads back until all are.
  func restore(_ records: [[String: Value]], journal: MigrationJournal, fresh: Bool) async throws {
    let plan = journal.migration
    var wanted = records.compactMap { fields in
      provider.records.carryOver(
        Record(key: RecordKey.text(fields[plan.source.keyField]), fields: fields), in: plan
      ).fields
    }
    if let skipped = MigrationStops.skipRecord, wanted.indices.contains(skipped) {
      wanted.remove(at: skipped)
    }
    // A resource just created holds none of them: no read needed.
    var missing = fresh ? wanted : try await self.missing(wanted, plan: plan)
    for _ in 1...Self.rounds {
      if missing.isEmpty { return }
      let failures = try await add(missing, plan: plan)
      if let first = failures.first {
        throw ProviderError(
          "\(address): restoring \(failures.count) of \(missing.count) \(plan.noun) failed "
            + "(first: \(first)); every one is in \(journal.backup), and the next apply "
            + "resumes the migration")
      }
      // The verify: every record is read back.
      missing = try await self.missing(wanted, plan: plan)
    }
    if !missing.isEmpty {
      throw ProviderError(
        "\(address): \(missing.count) \(plan.noun) are still missing after restoring them "
          + "\(Self.rounds) times; every one is in \(journal.backup), and the next apply "
          + "resumes the migration")
    }
  }

  /// The wanted records the resource does not hold (as many times as they are missing).
  func missing(_ wanted: [[String: Value]], plan: MigrationPlan) async throws
    -> [[String: Value]]
  {
    let read = try await labeled("verify") {
      try await provider.records.fetchRecords([plan.target])
    }
    guard let live = read.resources.first else {
      throw ProviderError(
        "\(address) is gone from the platform while its \(plan.noun) were restored; the next "
          + "apply resumes the migration")
    }
    // With a key, a record is there when its key is (the verify of the count and the keys):
    // a value the platform keeps in another form never makes it look missing.
    let key = plan.target.keyField
    if !key.isEmpty {
      var present: [String: Int] = [:]
      for record in live.records ?? [] {
        present[RecordKey.text(record.fields[key]), default: 0] += 1
      }
      return wanted.filter { fields in
        let text = RecordKey.text(fields[key])
        guard let count = present[text], count > 0 else { return true }
        present[text] = count - 1
        return false
      }
    }
    var present: [[String: Value]: Int] = [:]
    for record in live.records ?? [] {
      var fields: [String: Value] = [:]
      for field in plan.carried { fields[field] = record.fields[field] ?? .null }
      present[fields, default: 0] += 1
    }
    return wanted.filter { fields in
      guard let count = present[fields], count > 0 else { return true }
      present[fields] = count - 1
      return false
    }
  }

  /// Adds `records`, `width` at a time; returns the failures' messages.
  func add(_ records: [[String: Value]], plan: MigrationPlan) async throws -> [String] {
    let provider = self.provider
    let step = self.step
    let keyField = plan.target.keyField
    let restoreLabel = self.label("restore")
    let results = try await BoundedTasks.map(Array(records.enumerated()), width: width) {
      position, fields -> String? in
      let key = keyField.isEmpty ? "row \(position + 1)" : RecordKey.text(fields[keyField])
      let change = RecordChange(
        action: .add, key: key, keyValue: fields[keyField] ?? .null, payload: fields)
      let write = ApplyStep(
        action: .create, address: step.address, platform: step.platform, payload: fields,
        phase: "restore \(key)", record: RecordWrite(source: plan.target, change: change))
      do {
        _ = try await PlatformOperation.labeled(restoreLabel) { try await provider.perform(write) }
      } catch let error as ProviderError {
        return error.message
      }
      try Self.checkpoint(.restored(position + 1))
      return nil
    }
    return results.compactMap { $0 }
  }

  /// Runs `body` with its requests labeled as this migration's `step` (`migrate table/items:
  /// backup`), so that a platform's request log can tell the backup read from the verify read.
  func labeled<T: Sendable>(_ step: String, _ body: () async throws -> T) async throws -> T {
    try await PlatformOperation.labeled(label(step), body)
  }

  /// The label of this migration's `step`.
  func label(_ step: String) -> String { "migrate \(address): \(step)" }

  /// Stops here when a test asks (`MigrationStops`), as a crash would.
  static func checkpoint(_ point: Checkpoint) throws {
    if let stop = MigrationStops.stop, stop(point) {
      throw ProviderError("the migration stopped after: \(point) (a test's simulated crash)")
    }
  }

  /// Now, in ISO 8601 (UTC).
  static func now() -> String {
    ISO8601DateFormatter().string(from: Date())
  }
}
