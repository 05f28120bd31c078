/// A write that takes an exclusive value (`KindBehavior.exclusiveFields`, a phone number)
/// waits for the write that releases it, as the platform lets one resource hold it at a time.
///
/// A delete releases by itself; an update that releases values others take first sends the
/// field with only the values it keeps, as a step of its own (`release FIELD`) that waits for
/// nothing, so that swaps between two resources work.
struct ReleaseBeforeTakeRule: OrderingRule {
  func apply(to graph: inout ApplyGraphBuilder) {
    var takers: [String: [Int]] = [:]
    for operation in graph.operations {
      guard let takes = operation.takes, let build = graph.builds[operation.address] else {
        continue
      }
      for value in takes { takers[value, default: []].append(build) }
    }
    if takers.isEmpty { return }
    for operation in graph.operations {
      let wanted = (operation.releases ?? []).filter { takers[$0] != nil }
      if wanted.isEmpty { continue }
      let freeing: String?
      switch operation.action {
      case .delete, .replace:
        freeing = graph.deletes[operation.liveAddress].map { graph.steps[$0].id }
      case .update:
        guard let build = graph.builds[operation.address] else { continue }
        let release = releaseStep(for: operation, wanted: wanted)
        graph.add(release.id, toStepAt: build)
        graph.steps.append(release)
        freeing = release.id
      default: continue
      }
      guard let freeing else { continue }
      for value in wanted {
        for taker in takers[value] ?? [] { graph.add(freeing, toStepAt: taker) }
      }
    }
  }

  /// The update that sends each field of the `wanted` values (`field=value`) with only the
  /// values `operation` keeps.
  private func releaseStep(for operation: PlannedOperation, wanted: [String]) -> ApplyStep {
    let fields = Set(wanted.map { String($0.prefix { $0 != "=" }) }).sorted()
    var payload = operation.payload ?? [:]
    for field in fields {
      let change = operation.changes.first { $0.field == field }
      let before = change?.before?.arrayValue ?? []
      payload[field] = .array((change?.after?.arrayValue ?? []).filter(before.contains))
    }
    return ApplyStep(
      action: .update, address: operation.address, platform: operation.platform,
      liveID: operation.liveID, payload: payload, changedFields: fields,
      phase: "release " + fields.joined(separator: ", "))
  }
}
