import HehoManifest

/// Copy-migrations at plan time: journals of stopped migrations become resumes, and each
/// planned migration is measured against the live records (one read per resource).
extension Planner {
  /// The most offending records a plan names.
  static let offendingShown = 10

  /// `draft` with stopped migrations resumed and every migration measured; returns the
  /// records read (they are part of the plan's fingerprint).
  func planMigrations(
    _ draft: inout PlanBuilder.Draft, items: [DesiredItem], live: LiveState
  ) async throws -> LiveState {
    try resumeStoppedMigrations(&draft)
    let pending = draft.operations.indices.filter {
      draft.operations[$0].action == .migrate && draft.operations[$0].migration == nil
    }
    if pending.isEmpty { return LiveState(resources: [], readsMade: 0) }
    var itemsByAddress: [ResourceAddress: DesiredItem] = [:]
    for item in items { itemsByAddress[item.address] = item }
    var plans: [Int: MigrationPlan] = [:]
    for index in pending {
      let operation = draft.operations[index]
      guard let item = itemsByAddress[operation.address],
        let resource = live.resources.first(where: {
          $0.address == operation.liveAddress && $0.id == operation.liveID
        }),
        let plan = provider.records.migration(from: resource, to: item)
      else {
        draft.problems.append(
          PlanProblem(
            .invalid, address: operation.address, platform: operation.platform,
            message: "heho cannot plan how to carry its records over; set "
              + "lifecycle.migrate: false on it to replace it instead"))
        continue
      }
      plans[index] = plan
    }
    let records = try await provider.records.fetchRecords(plans.values.map(\.source))
    var recordsByAddress: [ResourceAddress: [Record]] = [:]
    for resource in records.resources { recordsByAddress[resource.address] = resource.records }
    for (index, plan) in plans {
      var plan = plan
      measure(&plan, records: recordsByAddress[plan.source.address] ?? [])
      draft.operations[index].migration = plan
      draft.operations[index].warnings.append(
        "\(plan.noun) that others add, edit or delete while it runs (between its backup and "
          + "its drop) are not carried over: the platform has no lock, so pause those writers")
    }
    return records
  }

  /// Counts what each record keeps, and names the first that lose something.
  func measure(_ plan: inout MigrationPlan, records: [Record]) {
    plan.rowsNow = records.count
    for (position, record) in records.enumerated() {
      let carried = provider.records.carryOver(record, in: plan)
      switch carried {
      case .kept(_, let lost):
        plan.rowsKept += 1
        if lost.isEmpty { continue }
        plan.rowsLosingValues += 1
      case .dropped:
        plan.rowsDropped += 1
      }
      if plan.offending.count < Self.offendingShown {
        let name =
          plan.source.keyField.isEmpty ? "row \(position + 1)" : "key \(record.key)"
        let what = carried.losses.joined(separator: "; ")
        plan.offending.append(
          carried.fields == nil ? "\(name) is not carried over: \(what)" : "\(name): \(what)")
      }
    }
  }

  /// Each journal of a stopped migration on these platforms turns its resource's operation
  /// into a resume; the rows of a data resource kept in it are planned after it finishes.
  func resumeStoppedMigrations(_ draft: inout PlanBuilder.Draft) throws {
    guard let store = migrations else { return }
    let platforms = Set(provider.platforms.map(\.name))
    var resumed: Set<ResourceAddress> = []
    for journal in try store.journals() where platforms.contains(journal.platform) {
      guard let index = draft.operations.firstIndex(where: { $0.address == journal.address })
      else {
        draft.notes.append(
          "\(journal.address) has a migration that stopped (after: \(journal.phase.rawValue)); "
            + "its \(journal.records) \(journal.migration.noun) are in \(journal.backup), but "
            + "this plan does not cover it: declare or target it, and apply finishes it")
        continue
      }
      var operation = draft.operations[index]
      var migration = journal.migration
      migration.resume = MigrationPlan.Resume(
        backup: journal.backup, records: journal.records, phase: journal.phase)
      operation.action = .migrate
      operation.migration = migration
      operation.payload = journal.payload
      operation.changes = []
      operation.records = nil
      operation.reasons = [
        "an apply stopped during its migration (after: \(journal.phase.rawValue)); apply "
          + "finishes it from the backup, \(journal.backup)"
      ]
      draft.operations[index] = operation
      resumed.insert(journal.address)
    }
    if resumed.isEmpty { return }
    for index in draft.operations.indices {
      guard let records = draft.operations[index].records,
        resumed.contains(records.source.container)
      else { continue }
      draft.operations[index].records = nil
      draft.operations[index].action = .noop
      draft.operations[index].recordsLost = nil
      draft.notes.append(
        "\(draft.operations[index].address): its \(records.noun) are planned once the "
          + "migration of \(records.source.container) is finished: plan again after apply")
    }
  }
}
