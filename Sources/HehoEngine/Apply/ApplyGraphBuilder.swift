import HehoManifest

/// The apply graph while it is built: one step per write of the plan's operations, and where
/// each address's build and delete step is, so that the ordering rules (`OrderingRule`) can add
/// their edges and steps to it.
///
/// Only a replace's own order is set here (its create waits for its delete): a replace is two
/// steps of one operation, so no rule could tell them apart afterwards.
struct ApplyGraphBuilder {
  /// The plan's changes, in plan order.
  let operations: [PlannedOperation]
  /// The steps so far, in plan order.
  var steps: [ApplyStep] = []
  /// The index in `steps` of the step that builds each address: its create, connect, update
  /// or migration, or a replace's create.
  var builds: [ResourceAddress: Int] = [:]
  /// The index in `steps` of the step that deletes each live address (a replace's delete is
  /// under the live, possibly old, name).
  var deletes: [ResourceAddress: Int] = [:]
  /// The data operations, whose record writes become steps of their own (`RecordStepsRule`).
  var recordOperations: [(operation: PlannedOperation, records: RecordPlan)] = []

  /// The steps of `plan`'s changes, with no order between them yet but a replace's.
  init(plan: Plan) {
    operations = plan.changes
    for operation in operations {
      if let records = operation.records {
        recordOperations.append((operation, records))
      } else {
        addSteps(for: operation)
      }
    }
  }

  /// Makes `steps[index]` wait for the step with ID `dependency` (once; never for itself).
  mutating func add(_ dependency: String, toStepAt index: Int) {
    ApplyGraph.add(dependency, to: &steps[index])
  }

  /// The step (a replace: the two steps) that carries out `operation`, noted in `builds` and
  /// `deletes`.
  private mutating func addSteps(for operation: PlannedOperation) {
    let payload = operation.payload ?? [:]
    let address = operation.address
    let platform = operation.platform
    switch operation.action {
    case .noop:
      return
    case .connect:
      builds[address] = steps.count
      steps.append(
        ApplyStep(action: .connect, address: address, platform: platform, payload: payload))
    case .create:
      builds[address] = steps.count
      steps.append(
        ApplyStep(action: .create, address: address, platform: platform, payload: payload))
    case .update:
      builds[address] = steps.count
      steps.append(
        ApplyStep(
          action: .update, address: address, platform: platform, liveID: operation.liveID,
          payload: payload, changedFields: ApplyGraph.topLevelFields(of: operation.changes)))
    case .migrate:
      builds[address] = steps.count
      var step = ApplyStep(
        action: .migrate, address: address, platform: platform, liveID: operation.liveID,
        payload: payload)
      step.migration = operation.migration
      steps.append(step)
    case .delete:
      deletes[address] = steps.count
      steps.append(
        ApplyStep(action: .delete, address: address, platform: platform, liveID: operation.liveID))
    case .replace:
      // A rename that forces a replacement deletes the resource under its old name.
      let delete = ApplyStep(
        action: .delete, address: operation.liveAddress, platform: platform,
        liveID: operation.liveID)
      deletes[operation.liveAddress] = steps.count
      steps.append(delete)
      builds[address] = steps.count
      steps.append(
        ApplyStep(
          action: .create, address: address, platform: platform, payload: payload,
          dependsOn: [delete.id]))
    }
  }
}
