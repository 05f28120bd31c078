import HehoManifest

extension ApplyGraph {
  /// One step per record change of a data operation (`create`, `update` or `delete` of
  /// `kind/name (key K)`), each waiting for the build of what the operation depends on (its
  /// container, when the plan creates it), so that they run in parallel within the apply's
  /// bound.
  static func recordSteps(
    for operation: PlannedOperation, records: RecordPlan, builds: [ResourceAddress: Int],
    steps: [ApplyStep]
  ) -> [ApplyStep] {
    let waits = operation.dependsOn.compactMap { builds[$0].map { steps[$0].id } }
    var seen: [String: Int] = [:]
    var recordSteps = records.changes.map { change in
      let action: ApplyStep.Action =
        switch change.action {
        case .add: .create
        case .edit: .update
        case .delete: .delete
        }
      // A key the platform holds more than once is deleted once per row.
      let earlier = seen[change.key, default: 0]
      seen[change.key] = earlier + 1
      return ApplyStep(
        action: action, address: operation.address, platform: operation.platform,
        payload: change.payload ?? [:], dependsOn: waits,
        changedFields: change.action == .edit ? change.changes.map(\.field) : [],
        phase: "key \(change.key)" + (earlier > 0 ? " #\(earlier + 1)" : ""),
        record: RecordWrite(source: records.source, change: change))
    }
    waitForDeletesOfTheSameID(&recordSteps, idField: records.source.idField)
    return recordSteps
  }

  /// An add that gives the primary-key value (`idField`) of a row the plan deletes (its key
  /// changed) waits for that delete, or the platform would refuse the add as a duplicate.
  static func waitForDeletesOfTheSameID(_ steps: inout [ApplyStep], idField: String?) {
    guard let idField else { return }
    var deletes: [Value: String] = [:]
    for step in steps where step.record?.change.action == .delete {
      if let id = step.record?.change.id { deletes[id] = step.id }
    }
    if deletes.isEmpty { return }
    for index in steps.indices where steps[index].record?.change.action == .add {
      if let id = steps[index].payload[idField], let delete = deletes[id] {
        add(delete, to: &steps[index])
      }
    }
  }
}
