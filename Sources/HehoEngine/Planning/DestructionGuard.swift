import HehoManifest

/// Refuses deletes and replaces that `lifecycle.preventDestroy` forbids, and those that lose
/// records (however many it holds now) unless data loss is allowed; marks the risks of the rest.
public struct DestructionGuard: Sendable {
  /// `--allow-data-loss`.
  public var allowDataLoss: Bool
  /// Lifecycles of the desired resources, by address.
  public var lifecycles: [ResourceAddress: Lifecycle]

  /// Creates a guard.
  public init(allowDataLoss: Bool, lifecycles: [ResourceAddress: Lifecycle]) {
    self.allowDataLoss = allowDataLoss
    self.lifecycles = lifecycles
  }

  /// Adds problems for refused operations and warnings for lost records.
  public func apply(to draft: PlanBuilder.Draft) -> PlanBuilder.Draft {
    var result = draft
    for index in result.operations.indices {
      // Most operations touch no data: only those that might are copied out to be read.
      let action = result.operations[index].action
      guard
        result.operations[index].records != nil || action == .migrate || action == .delete
          || action == .replace
      else { continue }
      let operation = result.operations[index]
      if let records = operation.records {
        guardRecordDeletes(records, of: operation, at: index, in: &result)
        continue
      }
      if operation.action == .migrate, let migration = operation.migration {
        guardMigration(migration, of: operation, at: index, in: &result)
        continue
      }
      guard operation.action == .delete || operation.action == .replace else { continue }
      let lifecycle = lifecycles[operation.address] ?? Lifecycle()
      let verb = operation.action == .delete ? "delete" : "replace"
      if lifecycle.preventDestroy {
        result.problems.append(
          PlanProblem(
            .preventDestroy, address: operation.address, platform: operation.platform,
            message: "lifecycle.preventDestroy refuses to \(verb) it; "
              + "change the manifest so it need not be \(verb)d, or remove the guard"))
      }
      // A data-holding kind loses whatever it holds when dropped, even if it is empty now:
      // rows can arrive between plan and apply, so the guard does not depend on the count.
      guard let records = operation.recordsLost else { continue }
      let rows = records == 1 ? "1 row" : "\(records) rows"
      result.operations[index].warnings.append(
        records > 0 ? "loses its \(rows) of data" : "drops its data (it holds no rows now)")
      if !allowDataLoss && !lifecycle.allowDataLoss {
        result.problems.append(
          PlanProblem(
            .dataLoss, address: operation.address, platform: operation.platform,
            message: "would \(verb) it and lose its rows (\(rows) now); run with "
              + "--allow-data-loss or set lifecycle.allowDataLoss: true on it to allow this"))
      }
    }
    return result
  }

  /// A migration that keeps every value needs no permission, even under
  /// `lifecycle.preventDestroy`; one that loses data is named, record by record, and needs
  /// `--allow-data-loss` (and is refused under `preventDestroy`). A resume is never refused:
  /// it finishes what an earlier apply was allowed to start.
  func guardMigration(
    _ migration: MigrationPlan, of operation: PlannedOperation, at index: Int,
    in draft: inout PlanBuilder.Draft
  ) {
    guard migration.resume == nil, migration.losesData else { return }
    let lifecycle = lifecycles[operation.address] ?? Lifecycle()
    var warnings = migration.lossyChanges
    if let reason = migration.dropsEveryRecord { warnings.append(reason) }
    let noun = migration.noun
    if migration.rowsLosingValues > 0 {
      warnings.append(
        "\(RecordPlan.grouped(migration.rowsLosingValues)) \(noun) lose values they hold now")
    }
    if migration.rowsDropped > 0 {
      warnings.append(
        "\(RecordPlan.grouped(migration.rowsDropped)) \(noun) cannot be carried over (they "
          + "stay in the backup)")
    }
    warnings += migration.offending
    let more = migration.rowsLosingValues + migration.rowsDropped - migration.offending.count
    if more > 0 { warnings.append("and \(RecordPlan.grouped(more)) more \(noun)") }
    draft.operations[index].warnings += warnings
    let what =
      (migration.lossyChanges + [migration.dropsEveryRecord].compactMap { $0 })
      .first ?? migration.offending.first ?? "values are lost"
    if lifecycle.preventDestroy {
      draft.problems.append(
        PlanProblem(
          .preventDestroy, address: operation.address, platform: operation.platform,
          message: "lifecycle.preventDestroy allows only a migration that keeps every value, "
            + "and this one loses data (\(what)); change the manifest so that it keeps them, "
            + "or remove the guard"))
    }
    if allowDataLoss || lifecycle.allowDataLoss {
      draft.operations[index].migration?.allowsLoss = true
    } else {
      draft.problems.append(
        PlanProblem(
          .dataLoss, address: operation.address, platform: operation.platform,
          message: "would migrate it and lose data (\(what)); run with --allow-data-loss or "
            + "set lifecycle.allowDataLoss: true on it to allow this (every other value is "
            + "still carried over)"))
    }
  }

  /// Deleting records a data resource no longer lists (`prune: true`) is data loss, under the
  /// same guard as dropping a table.
  func guardRecordDeletes(
    _ records: RecordPlan, of operation: PlannedOperation, at index: Int,
    in draft: inout PlanBuilder.Draft
  ) {
    let deleted = records.count(.delete)
    guard deleted > 0 else { return }
    let lifecycle = lifecycles[operation.address] ?? Lifecycle()
    let what = "\(RecordPlan.grouped(deleted)) \(records.noun)"
    draft.operations[index].warnings.append(
      "deletes \(what) that it no longer lists (prune: true)")
    if !allowDataLoss && !lifecycle.allowDataLoss {
      draft.problems.append(
        PlanProblem(
          .dataLoss, address: operation.address, platform: operation.platform,
          message: "would delete \(what) of \(records.source.container) that it no longer lists "
            + "(prune: true); run with --allow-data-loss or set lifecycle.allowDataLoss: true "
            + "on it to allow this, or list them again"))
    }
  }
}
