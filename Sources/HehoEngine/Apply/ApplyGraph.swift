import HehoManifest

/// Turns a plan's operations into write steps with their dependencies.
///
/// - A replace is a delete, then a create that waits for it.
/// - A migration is one step (`MigrationRun`); what uses the resource waits for it.
/// - A create, connect or update waits for the creates of what it depends on.
/// - A delete waits for the deletes of the live resources that use it.
/// - A create or rename that takes a name waits for the delete or rename that frees it.
/// - A write that takes an exclusive value waits for the write that releases it.
/// - Every other write waits for every connect, so that a failed connect writes nothing else.
public enum ApplyGraph {
  /// The steps of `plan`, in plan order.
  public static func steps(for plan: Plan) -> [ApplyStep] {
    var steps: [ApplyStep] = []
    var builds: [ResourceAddress: Int] = [:]
    var deletes: [ResourceAddress: Int] = [:]
    let operations = plan.changes
    var recordOperations: [(PlannedOperation, RecordPlan)] = []
    for operation in operations {
      if let records = operation.records {
        recordOperations.append((operation, records))
        continue
      }
      let payload = operation.payload ?? [:]
      let address = operation.address
      let platform = operation.platform
      switch operation.action {
      case .noop:
        continue
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
            payload: payload, changedFields: Self.topLevelFields(of: operation.changes)))
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
          ApplyStep(
            action: .delete, address: address, platform: platform, liveID: operation.liveID))
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
    for operation in operations {
      if let build = builds[operation.address] {
        for dependency in operation.dependsOn {
          if let other = builds[dependency] { add(steps[other].id, to: &steps[build]) }
        }
      }
      if let delete = deletes[operation.liveAddress] {
        for used in operation.liveDependsOn {
          if let other = deletes[used] { add(steps[delete].id, to: &steps[other]) }
        }
      }
    }
    // A name that a delete or a rename frees is taken only after it is free.
    var frees: [ResourceAddress: String] = [:]
    for (address, index) in deletes { frees[address] = steps[index].id }
    for operation in operations where operation.renamedFrom != nil && operation.action == .update {
      if let index = builds[operation.address] { frees[operation.liveAddress] = steps[index].id }
    }
    for (address, index) in builds {
      if let freeing = frees[address] { add(freeing, to: &steps[index]) }
    }
    releaseBeforeTaking(operations, steps: &steps, builds: builds, deletes: deletes)
    for (operation, records) in recordOperations {
      steps += recordSteps(for: operation, records: records, builds: builds, steps: steps)
    }
    let connects = steps.filter { $0.action == .connect }.map(\.id)
    for index in steps.indices where steps[index].action != .connect {
      for connect in connects { add(connect, to: &steps[index]) }
    }
    return steps
  }

  /// Orders exclusive values (`KindBehavior.exclusiveFields`): a step that takes a value waits
  /// for the step that releases it. A delete releases by itself; an update that releases values
  /// others take first sends the field with only the values it keeps, as a step of its own
  /// (`release FIELD`) that waits for nothing, so that swaps between two resources work.
  static func releaseBeforeTaking(
    _ operations: [PlannedOperation], steps: inout [ApplyStep], builds: [ResourceAddress: Int],
    deletes: [ResourceAddress: Int]
  ) {
    var takers: [String: [Int]] = [:]
    for operation in operations {
      guard let takes = operation.takes, let build = builds[operation.address] else { continue }
      for value in takes { takers[value, default: []].append(build) }
    }
    if takers.isEmpty { return }
    for operation in operations {
      let wanted = (operation.releases ?? []).filter { takers[$0] != nil }
      if wanted.isEmpty { continue }
      var freeing: String?
      switch operation.action {
      case .delete, .replace:
        freeing = deletes[operation.liveAddress].map { steps[$0].id }
      case .update:
        guard let build = builds[operation.address] else { continue }
        let fields = Set(wanted.map { String($0.prefix { $0 != "=" }) }).sorted()
        var payload = operation.payload ?? [:]
        for field in fields {
          let change = operation.changes.first { $0.field == field }
          let before = change?.before?.arrayValue ?? []
          payload[field] = .array((change?.after?.arrayValue ?? []).filter(before.contains))
        }
        let release = ApplyStep(
          action: .update, address: operation.address, platform: operation.platform,
          liveID: operation.liveID, payload: payload, changedFields: fields,
          phase: "release " + fields.joined(separator: ", "))
        add(release.id, to: &steps[build])
        steps.append(release)
        freeing = release.id
      default: continue
      }
      guard let freeing else { continue }
      for value in wanted {
        for taker in takers[value] ?? [] { add(freeing, to: &steps[taker]) }
      }
    }
  }

  static func add(_ dependency: String, to step: inout ApplyStep) {
    if dependency != step.id && !step.dependsOn.contains(dependency) {
      step.dependsOn.append(dependency)
    }
  }

  /// The top-level field names a list of changes touches (`columns.price.type` is `columns`),
  /// sorted and distinct.
  static func topLevelFields(of changes: [FieldChange]) -> [String] {
    Set(changes.map { String($0.field.prefix { $0 != "." }) }).sorted()
  }
}
