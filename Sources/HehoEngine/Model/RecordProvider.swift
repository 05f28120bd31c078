import HehoManifest

/// A provider whose kinds hold records: a data kind's (`KindBehavior.recordContainer`), a kind
/// whose delete loses data (`holdsData`), a kind that migrates (`migrationReason`).
///
/// Optional, as decK's optional entity interfaces are: a provider without such kinds does not
/// adopt it, and the engine reaches records only through `Provider.records`.
public protocol RecordProvider: Provider {
  /// Reads the live records of data kinds' resources: one read per source, a bounded number
  /// at a time. Each live resource has the source's address, its container's ID and its
  /// records; a source whose container is gone is left out.
  func fetchRecords(_ sources: [RecordSource]) async throws -> LiveState
  /// Counts the records a resource of a data-holding kind holds (one read call).
  func countRecords(in resource: LiveResource) async throws -> Int
  /// For a kind that migrates: how `live` becomes `item` by copying its records over (what is
  /// carried, removed, widened or narrowed); `nil` when it cannot, and the resource is
  /// replaced instead.
  func migration(from live: LiveResource, to item: DesiredItem) -> MigrationPlan?
  /// What `migration` does with one live record (read through `migration.source`): the fields
  /// restored, in the new types, and what it loses.
  func carryOver(_ record: Record, in migration: MigrationPlan) -> CarriedRecord
}

extension RecordProvider {
  /// No migrations.
  public func migration(from live: LiveResource, to item: DesiredItem) -> MigrationPlan? { nil }

  /// The carried fields as they are.
  public func carryOver(_ record: Record, in migration: MigrationPlan) -> CarriedRecord {
    var fields: [String: Value] = [:]
    for field in migration.carried { fields[field] = record.fields[field] ?? .null }
    return .kept(fields, lost: [])
  }
}
