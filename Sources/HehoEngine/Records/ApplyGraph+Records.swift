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
    return records.changes.map { change in
      let action: ApplyStep.Action =
        switch change.action {
        case .add: .create
        case .edit: .update
        case .delete: .delete
        }
      return ApplyStep(
        action: action, address: operation.address, platform: operation.platform,
        payload: change.payload ?? [:], dependsOn: waits,
        changedFields: change.action == .edit ? change.changes.map(\.field) : [],
        phase: "key \(change.key)",
        record: RecordWrite(source: records.source, change: change))
    }
  }
}
