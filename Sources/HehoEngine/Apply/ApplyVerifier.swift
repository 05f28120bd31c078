import HehoManifest

/// A field the platform did not keep as apply wrote it.
public struct ApplyMismatch: Sendable, Hashable {
  /// The resource.
  public var address: ResourceAddress
  /// Its platform.
  public var platform: String
  /// What differs, in a sentence (`theme is "sky", written "ocean"`).
  public var message: String

  /// Creates a mismatch.
  public init(address: ResourceAddress, platform: String, message: String) {
    self.address = address
    self.platform = platform
    self.message = message
  }
}

/// After apply: reads the live state back and names every field of a written resource that the
/// platform did not keep as written, so that "Apply complete" means the live state matches.
///
/// It plans again against what the platform now holds (normalized exactly as plan normalizes)
/// and looks at the resources apply wrote: each must plan as a no-op, and each deleted one must
/// be gone.
public struct ApplyVerifier: Sendable {
  /// The platforms written to.
  public var provider: any Provider

  /// Creates a verifier.
  public init(provider: any Provider) {
    self.provider = provider
  }

  /// The mismatches among the resources `report` says were written, against `state`.
  public func verify(_ state: DesiredState, report: ApplyReport) async throws -> [ApplyMismatch] {
    var built: Set<ResourceAddress> = []
    var deleted: Set<ResourceAddress> = []
    var migrated: Set<ResourceAddress> = []
    for record in report.records where record.succeeded {
      // A record write (a row deleted too) is checked through its data resource.
      if record.step.record != nil {
        built.insert(record.step.address)
        continue
      }
      switch record.step.action {
      case .migrate:
        built.insert(record.step.address)
        migrated.insert(record.step.address)
      case .create, .update, .connect: built.insert(record.step.address)
      case .delete: deleted.insert(record.step.address)
      }
    }
    deleted.subtract(built)
    guard !built.isEmpty || !deleted.isEmpty else { return [] }
    let plan = try await Planner(provider: provider, options: PlanOptions(prune: false))
      .plan(state)
    var mismatches: [ApplyMismatch] = []
    for operation in plan.operations where built.contains(operation.address) {
      switch operation.action {
      case .noop:
        continue
      case .create, .connect:
        mismatches.append(
          ApplyMismatch(
            address: operation.address, platform: operation.platform,
            message: "not on the platform although apply made it"))
      default:
        if let records = operation.records {
          mismatches += Self.recordMismatches(records, of: operation)
          continue
        }
        for change in operation.changes {
          mismatches.append(
            ApplyMismatch(
              address: operation.address, platform: operation.platform,
              message: "\(change.field) is \(Self.text(change.before)), written "
                + Self.text(change.after)))
        }
      }
    }
    // What uses a migrated resource keeps its access to it (a chatbot's table slots): a
    // resource apply did not write that now differs lost something in the migration.
    let attempted = Set(report.records.map(\.step.address))
    for operation in plan.operations
    where (operation.action == .update || operation.action == .replace)
      && !attempted.contains(operation.address)
      && operation.dependsOn.contains(where: migrated.contains)
    {
      let used = operation.dependsOn.filter(migrated.contains).map(\.description)
        .joined(separator: ", ")
      let fields = operation.changes.map(\.field).joined(separator: ", ")
      mismatches.append(
        ApplyMismatch(
          address: operation.address, platform: operation.platform,
          message:
            "differs after the migration of \(used) (\(fields.isEmpty ? "missing" : fields)); "
            + "it should have kept its access"))
    }
    // Something else made the same resource meanwhile (another apply, a person): the platform
    // now holds it more than once.
    for problem in plan.problems where problem.kind == .ambiguous {
      guard let address = problem.address, built.contains(address) else { continue }
      mismatches.append(
        ApplyMismatch(
          address: address, platform: problem.platform,
          message: "the platform now holds it more than once (something else made it too): "
            + problem.message))
    }
    for resource in plan.unmanaged where deleted.contains(resource.address) {
      mismatches.append(
        ApplyMismatch(
          address: resource.address, platform: resource.platform,
          message: "still on the platform (ID \(resource.liveID)) although apply deleted it"))
    }
    return mismatches
  }

  /// The records that still differ after apply wrote them, the first 10 named.
  static func recordMismatches(_ records: RecordPlan, of operation: PlannedOperation)
    -> [ApplyMismatch]
  {
    var mismatches = records.changes.prefix(10).map { change in
      let detail: String
      switch change.action {
      case .add: detail = "missing although apply added it"
      case .delete: detail = "still there although apply deleted it"
      case .edit:
        detail = change.changes.map {
          "\($0.field) is \(text($0.before)), written \(text($0.after))"
        }.joined(separator: "; ")
      }
      return ApplyMismatch(
        address: operation.address, platform: operation.platform,
        message: "key \(change.key): \(detail)")
    }
    if records.changes.count > 10 {
      mismatches.append(
        ApplyMismatch(
          address: operation.address, platform: operation.platform,
          message: "and \(records.changes.count - 10) more \(records.noun) that differ"))
    }
    return mismatches
  }

  static func text(_ value: Value?) -> String {
    guard let value else { return "absent" }
    return ValueText.render(value)
  }
}
