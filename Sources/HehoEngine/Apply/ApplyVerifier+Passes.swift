import HehoManifest

/// The passes of `ApplyVerifier.verify`, each over the plan made after apply, in the order it
/// runs them.
extension ApplyVerifier {
  /// Each field of a built resource that still differs, or the resource itself when it is
  /// missing.
  static func notKept(_ plan: Plan, built: Set<ResourceAddress>) -> [ApplyMismatch] {
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
          mismatches += recordMismatches(records, of: operation)
          continue
        }
        for change in operation.changes {
          mismatches.append(
            ApplyMismatch(
              address: operation.address, platform: operation.platform,
              message: "\(change.field) is \(text(change.before)), written "
                + text(change.after)))
        }
      }
    }
    return mismatches
  }

  /// What uses a migrated resource keeps its access to it (a chatbot's table slots): a
  /// resource apply did not write that now differs lost something in the migration.
  static func lostInMigration(
    _ plan: Plan, report: ApplyReport, migrated: Set<ResourceAddress>
  ) -> [ApplyMismatch] {
    let attempted = Set(report.records.map(\.step.address))
    var mismatches: [ApplyMismatch] = []
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
    return mismatches
  }

  /// Something else made a built resource meanwhile (another apply, a person): the platform
  /// now holds it more than once.
  static func madeTwice(_ plan: Plan, built: Set<ResourceAddress>) -> [ApplyMismatch] {
    plan.problems.compactMap { problem in
      guard problem.kind == .ambiguous, let address = problem.address, built.contains(address)
      else { return nil }
      return ApplyMismatch(
        address: address, platform: problem.platform,
        message: "the platform now holds it more than once (something else made it too): "
          + problem.message)
    }
  }

  /// Each deleted resource the platform still holds.
  static func notDeleted(_ plan: Plan, deleted: Set<ResourceAddress>) -> [ApplyMismatch] {
    plan.unmanaged.filter { deleted.contains($0.address) }.map { resource in
      ApplyMismatch(
        address: resource.address, platform: resource.platform,
        message: "still on the platform (ID \(resource.liveID)) although apply deleted it")
    }
  }
}
