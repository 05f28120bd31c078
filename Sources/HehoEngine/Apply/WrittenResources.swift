import HehoManifest

/// The resources an apply wrote, by what it did to them, as `ApplyVerifier` checks them.
struct WrittenResources {
  /// Created, connected, updated or migrated, or with records written.
  var built: Set<ResourceAddress> = []
  /// Deleted and not built again (a replace's delete is part of its build).
  var deleted: Set<ResourceAddress> = []
  /// Migrated (copied over into a new resource).
  var migrated: Set<ResourceAddress> = []

  /// The resources of `report`'s steps that succeeded.
  init(_ report: ApplyReport) {
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
  }
}
