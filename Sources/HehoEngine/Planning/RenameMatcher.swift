import HehoManifest

/// Finds the live resources that manifests claim by a previous name (`metadata.previousNames`).
///
/// A resource is matched by its own name when the platform has it and no rename claims that
/// name. Otherwise the first of its previous names that the platform holds, once, and that no
/// other rename claims, is renamed to it. Claims settle in rounds, so chains work (`b → c`
/// frees `b` for `a → b`); a swap does not happen (each side is matched by its own name), and a
/// previous name whose live resource is claimed frees the name for a manifest that declares it
/// (the old one is renamed, a new one is created).
struct RenameMatcher {
  /// The provider's kinds.
  var kinds: [KindBehavior]

  /// What the matcher found.
  struct Result {
    /// The live resource each renamed item takes over, by the item's (new) address.
    var renames: [ResourceAddress: LiveResource] = [:]
    /// The live addresses renamed away: no manifest matches them by name.
    var claimed: Set<ResourceAddress> = []
    /// Previous names the platform holds more than once.
    var problems: [PlanProblem] = []
    /// Previous names left alone because the resource is matched by its own name.
    var notes: [String] = []
  }

  /// The renames among `items`, against the live resources by address.
  func match(items: [DesiredItem], live: [ResourceAddress: [LiveResource]]) -> Result {
    var result = Result()
    let renaming = items.filter { !$0.previousNames.isEmpty && $0.mode == .create }
    if renaming.isEmpty { return result }
    var ambiguous: Set<ResourceAddress> = []
    var settled = false
    while !settled {
      settled = true
      for item in renaming where result.renames[item.address] == nil {
        if live[item.address] != nil && !result.claimed.contains(item.address) { continue }
        for previous in item.previousNames {
          let old = ResourceAddress(kind: item.address.kind, name: previous)
          guard !result.claimed.contains(old), let found = live[old] else { continue }
          if found.count > 1 {
            if ambiguous.insert(old).inserted {
              let ids = found.map(\.id).sorted().joined(separator: ", ")
              result.problems.append(
                PlanProblem(
                  .ambiguous, address: item.address, platform: platform(of: old.kind),
                  message: "its previous name '\(previous)' is on the platform several times "
                    + "(IDs \(ids)), so heho cannot tell which to rename: delete all but one "
                    + "on the platform"))
            }
            break
          }
          result.renames[item.address] = found[0]
          result.claimed.insert(old)
          settled = false
          break
        }
      }
    }
    for item in renaming where result.renames[item.address] == nil && live[item.address] != nil {
      let left = item.previousNames.filter {
        let old = ResourceAddress(kind: item.address.kind, name: $0)
        return live[old] != nil && !result.claimed.contains(old)
      }
      if left.isEmpty { continue }
      let names = left.map { "\(item.address.kind)/\($0)" }.joined(separator: ", ")
      result.notes.append(
        "\(item.address) is on the platform under its own name, so it is not renamed; "
          + "\(names), named among its previous names, is also there and is left to its own "
          + "manifest or listed as unmanaged")
    }
    return result
  }

  /// `resources` as the plan reads them after the renames: a resource that refers to a
  /// resource renamed in place refers to it by its new name (the platform refers by ID).
  func following(_ result: Result, in resources: [LiveResource]) -> [LiveResource] {
    var newNames: [ResourceAddress: String] = [:]
    for (address, resource) in result.renames
    where kinds.first(where: { $0.kind == address.kind })?.inPlaceFields.contains("name") == true {
      newNames[resource.address] = address.name
    }
    if newNames.isEmpty { return resources }
    return resources.map { resource in
      guard resource.dependencies.contains(where: { newNames[$0] != nil }) else { return resource }
      var resource = resource
      let references = kinds.first { $0.kind == resource.address.kind }?.referenceFields ?? [:]
      for used in resource.dependencies {
        guard let newName = newNames[used] else { continue }
        for (field, kind) in references where kind == used.kind {
          resource.fields[field] = renamed(resource.fields[field], from: used.name, to: newName)
        }
      }
      resource.dependencies = resource.dependencies.map { used in
        newNames[used].map { ResourceAddress(kind: used.kind, name: $0) } ?? used
      }
      return resource
    }
  }

  /// `value` with the name `old` (alone, or in a list) replaced by `new`.
  func renamed(_ value: Value?, from old: String, to new: String) -> Value? {
    switch value {
    case .string(old)?: return .string(new)
    case .array(let elements)?:
      return .array(elements.map { $0 == .string(old) ? .string(new) : $0 })
    default: return value
    }
  }

  func platform(of kind: String) -> String {
    kinds.first { $0.kind == kind }?.platform ?? ""
  }
}
