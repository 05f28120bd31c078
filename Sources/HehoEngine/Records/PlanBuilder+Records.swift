import HehoManifest

/// Data kinds (`KindBehavior.recordContainer`): their operations add, edit and delete records
/// rather than write the resource itself.
extension PlanBuilder {
  /// `operations` with each data item's records diffed against its container's live records.
  ///
  /// A container that the plan creates or replaces holds no records yet: every declared record
  /// is added, after it. A data item whose records all match is a no-op.
  func planRecords(
    _ operations: [PlannedOperation], items: [DesiredItem], live: LiveState
  ) -> [PlannedOperation] {
    let declared = Dictionary(
      items.compactMap { item in item.records.map { (item.address, $0) } },
      uniquingKeysWith: { first, _ in first })
    if declared.isEmpty { return operations }
    var liveRecords: [ResourceAddress: [Record]] = [:]
    for resource in live.resources {
      if let records = resource.records { liveRecords[resource.address] = records }
    }
    var containerActions: [ResourceAddress: PlannedOperation.Action] = [:]
    for operation in operations { containerActions[operation.address] = operation.action }
    let differ = RecordDiffer()
    return operations.map { operation in
      guard let records = declared[operation.address],
        let behavior = kinds.first(where: { $0.kind == operation.address.kind })
      else { return operation }
      let action = containerActions[records.container]
      let fresh = action == .create || action == .replace
      var operation = operation
      var plan = differ.plan(
        records, live: fresh ? [] : liveRecords[operation.address] ?? [],
        address: operation.address)
      plan.noun = behavior.recordNoun
      operation.records = plan
      operation.changes = []
      if plan.changes.isEmpty {
        operation.action = .noop
      } else {
        operation.action = fresh || liveRecords[operation.address] == nil ? .create : .update
      }
      let deleted = plan.count(.delete)
      operation.recordsLost = deleted > 0 ? deleted : nil
      if fresh {
        operation.reasons.append(
          "\(records.container) is \(action == .create ? "created" : "replaced") first, so "
            + "all its \(behavior.recordNoun) are added")
      }
      return operation
    }
  }
}
