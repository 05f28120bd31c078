import HehoManifest

extension DriftReport {
  /// The drift a plan shows: its field changes are the modifications (normalized exactly as
  /// plan normalizes them), its creates and connects the missing resources, its unmanaged
  /// list the unmanaged ones, and its ambiguity problems the conflicts.
  ///
  /// Plan with `prune: false` so that unmanaged resources are not also planned as deletes.
  /// A resource replaced only because something it uses is replaced has not drifted itself:
  /// it is in sync. `state` supplies where each resource is declared.
  public init(plan: Plan, state: DesiredState) {
    var locations: [ResourceAddress: SourceLocation] = [:]
    for resource in state.resources where locations[resource.address] == nil {
      locations[resource.address] = resource.location
    }
    let unmanaged = Set(plan.unmanaged.map(\.address))
    var entries: [DriftEntry] = []
    for operation in plan.operations where !unmanaged.contains(operation.address) {
      entries.append(
        Self.entry(for: operation, location: locations[operation.address]))
    }
    for resource in plan.unmanaged {
      entries.append(
        DriftEntry(
          address: resource.address, platform: resource.platform, status: .unmanaged,
          liveID: resource.liveID))
    }
    for problem in plan.problems where problem.kind == .ambiguous {
      guard let address = problem.address else { continue }
      entries.append(
        DriftEntry(
          address: address, platform: problem.platform, status: .conflict,
          location: locations[address],
          message: problem.message))
    }
    self.init(
      platforms: plan.platforms, project: plan.project, environment: plan.environment,
      entries: entries, notes: plan.notes)
  }

  static func entry(for operation: PlannedOperation, location: SourceLocation?) -> DriftEntry {
    let ignored = (operation.ignored ?? []).map {
      DriftDifference(field: $0.field, live: $0.before, declared: $0.after, reason: $0.explanation)
    }
    var entry = DriftEntry(
      address: operation.address, platform: operation.platform, status: .inSync,
      liveID: operation.liveID, location: location,
      sources: operation.sources, ignored: ignored)
    switch operation.action {
    case .create, .connect:
      entry.status = .missing
    case .update where operation.records != nil:
      guard let records = operation.records, !records.changes.isEmpty else { break }
      entry.status = .modified
      entry.differences = Self.differences(records)
    case .update, .replace, .migrate:
      guard !operation.changes.isEmpty else { break }
      entry.status = .modified
      entry.differences = operation.changes.map {
        DriftDifference(
          field: $0.field, live: $0.before, declared: $0.after,
          forcesReplacement: $0.forcesReplacement, explanation: $0.explanation)
      }
    default:
      break
    }
    return entry
  }

  /// A data resource's drift: each record that differs (the first `TextRenderer.recordListLimit`),
  /// by key: an edited record's fields, a missing record (declared, not live) and, when the set
  /// prunes, an unlisted live record.
  static func differences(_ records: RecordPlan) -> [DriftDifference] {
    var differences: [DriftDifference] = []
    for change in records.changes.prefix(TextRenderer.recordListLimit) {
      switch change.action {
      case .edit:
        differences += change.changes.map {
          DriftDifference(
            field: "key \(change.key): \($0.field)", live: $0.before, declared: $0.after)
        }
      case .add:
        differences.append(
          DriftDifference(
            field: "key \(change.key)", live: nil, declared: .object(change.payload ?? [:])))
      case .delete:
        differences.append(
          DriftDifference(
            field: "key \(change.key)",
            live: .object(
              Dictionary(
                change.changes.map { ($0.field, $0.before ?? .null) },
                uniquingKeysWith: { first, _ in first })), declared: nil))
      }
    }
    let more = records.changes.count - TextRenderer.recordListLimit
    if more > 0 {
      differences.append(
        DriftDifference(
          field: records.noun, live: nil,
          declared: .string(
            "\(RecordPlan.grouped(more)) more \(records.noun) differ; "
              + "heho plan --output json lists every one")))
    }
    return differences
  }
}
