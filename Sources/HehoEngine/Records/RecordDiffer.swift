import HehoManifest

/// Diffs declared records against live ones by key: adds, field-level edits, and (when the set
/// prunes) deletes of live records no longer listed.
public struct RecordDiffer: Sendable {
  /// Creates a differ.
  public init() {}

  /// The changes that make `live` hold `declared`'s records.
  ///
  /// An edit sends only the fields that differ; a field a declared record leaves out is not
  /// compared (the platform's value, a default, stays).
  public func plan(
    _ declared: RecordSet, live: [Record], address: ResourceAddress
  ) -> RecordPlan {
    var liveByKey: [String: Record] = [:]
    liveByKey.reserveCapacity(live.count)
    // A key the platform holds twice (its key column is not unique): the first is matched, the
    // others are unlisted (deleted when the set prunes).
    var repeated: [Record] = []
    for record in live {
      if liveByKey[record.key] == nil {
        liveByKey[record.key] = record
      } else {
        repeated.append(record)
      }
    }
    var changes: [RecordChange] = []
    var unchanged = 0
    var listed = Set<String>()
    listed.reserveCapacity(declared.records.count)
    for record in declared.records {
      listed.insert(record.key)
      let keyValue = record.fields[declared.keyField] ?? .string(record.key)
      guard let current = liveByKey[record.key] else {
        changes.append(
          RecordChange(action: .add, key: record.key, keyValue: keyValue, payload: record.fields))
        continue
      }
      var fieldChanges: [FieldChange] = []
      var payload: [String: Value] = [:]
      for field in record.fields.keys.sorted() {
        let wanted = record.fields[field] ?? .null
        let have = current.fields[field] ?? .null
        if wanted != have {
          fieldChanges.append(FieldChange(field: field, before: have, after: wanted))
          payload[field] = wanted
        }
      }
      if fieldChanges.isEmpty {
        unchanged += 1
      } else {
        changes.append(
          RecordChange(
            action: .edit, key: record.key, keyValue: keyValue, id: current.id,
            changes: fieldChanges, payload: payload))
      }
    }
    if declared.prune {
      let unlisted = live.filter { !listed.contains($0.key) && liveByKey[$0.key] == $0 } + repeated
      for record in unlisted.sorted(by: { $0.key < $1.key }) {
        changes.append(
          RecordChange(
            action: .delete, key: record.key,
            keyValue: record.fields[declared.keyField] ?? .string(record.key), id: record.id,
            changes: record.fields.keys.sorted().map {
              FieldChange(field: $0, before: record.fields[$0], after: nil)
            }))
      }
    }
    return RecordPlan(
      source: declared.source(for: address), changes: changes, unchanged: unchanged)
  }
}
