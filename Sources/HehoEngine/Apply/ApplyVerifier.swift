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
    let written = WrittenResources(report)
    guard !written.built.isEmpty || !written.deleted.isEmpty else { return [] }
    let plan = try await Planner(provider: provider, options: PlanOptions(prune: false))
      .plan(state)
    return Self.notKept(plan, built: written.built)
      + Self.lostInMigration(plan, report: report, migrated: written.migrated)
      + Self.madeTwice(plan, built: written.built)
      + Self.notDeleted(plan, deleted: written.deleted)
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
