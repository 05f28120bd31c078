import HehoManifest

/// A stable FNV-1a-64 hash of the live state a plan was computed from, in hex.
///
/// Two fetches of an unchanged platform give the same fingerprint; any change to a managed
/// field, an ID, a resource's presence or a counted table's record count changes it. The state
/// is fed to the hash in a canonical order (resources by address and ID, object keys sorted)
/// with every string length-prefixed, so no two different states share an input.
public enum Fingerprint {
  /// The fingerprint of `live` and the record counts the plan depended on (by address).
  public static func of(_ live: LiveState, recordCounts: [ResourceAddress: Int]) -> String {
    of(digest: digest(of: live), recordCounts: recordCounts)
  }

  /// The hash of the live state alone: the expensive part, which a planner can work out while
  /// it does other work.
  public static func digest(of live: LiveState) -> UInt64 {
    var hasher = FNV1a64()
    let resources = live.resources
    // Positions are sorted, not the resources (large values).
    let order = resources.indices.sorted {
      (resources[$0].address, resources[$0].id) < (resources[$1].address, resources[$1].id)
    }
    hasher.add(resources.count)
    for resource in order.lazy.map({ resources[$0] }) {
      hasher.add(resource.address.description)
      hasher.add(resource.id)
      hasher.add(.object(resource.fields))
      hasher.add(resource.dependencies.count)
      for dependency in resource.dependencies { hasher.add(dependency.description) }
      guard let records = resource.records else { continue }
      hasher.add(records.count)
      for record in records.sorted(by: { $0.key < $1.key }) {
        hasher.add(record.key)
        hasher.add(.object(record.fields))
        hasher.add(record.id ?? .null)
      }
    }
    return hasher.value
  }

  /// The fingerprint from a live state's `digest`, the record counts, and the digest of the
  /// live records of data resources (`nil` when the plan has none).
  public static func of(
    digest: UInt64, recordCounts: [ResourceAddress: Int], records: UInt64? = nil
  ) -> String {
    var hasher = FNV1a64()
    hasher.add(Int(bitPattern: UInt(digest)))
    if let records { hasher.add(Int(bitPattern: UInt(records))) }
    let counts = recordCounts.map { ($0.key.description, $0.value) }.sorted { $0.0 < $1.0 }
    hasher.add(counts.count)
    for (address, count) in counts {
      hasher.add(address)
      hasher.add(count)
    }
    return hex(hasher.value)
  }

  /// `value` as 16 lower-case hex digits.
  public static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
  }
}
