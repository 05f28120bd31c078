import HehoManifest

/// What the builder does once every item has its operation: replacements that cascade to what
/// uses them, the dependents a delete takes along, and the order operations run in.
extension PlanBuilder {
  /// A kept resource whose live self uses a resource that is replaced or deleted is replaced
  /// too: deleting what it uses would leave it dangling.
  func cascade(_ operations: [PlannedOperation]) -> [PlannedOperation] {
    var result = operations
    var changed = true
    while changed {
      changed = false
      var destroyed: [ResourceAddress: PlannedOperation.Action] = [:]
      for index in result.indices
      where result[index].action == .replace || result[index].action == .delete {
        if destroyed[result[index].liveAddress] == nil {
          destroyed[result[index].liveAddress] = result[index].action
        }
      }
      if destroyed.isEmpty { break }  // Nothing is destroyed: nothing dangles.
      for index in result.indices
      where result[index].action == .noop || result[index].action == .update {
        guard let used = result[index].liveDependsOn.first(where: { destroyed[$0] != nil }),
          let behavior = kinds.first(where: { $0.kind == result[index].address.kind })
        else { continue }
        let verb = destroyed[used] == .delete ? "deleted" : "replaced"
        markReplaced(
          &result[index], behavior: behavior,
          reason: "it uses \(used), which is \(verb) (the reference would dangle)")
        changed = true
      }
    }
    return result
  }

  /// Connects first; then creates, updates and replaces in dependency order; deletes last,
  /// in reverse order.
  ///
  /// Each operation's key is worked out once, and positions are sorted rather than the
  /// operations themselves; ties keep their order. The operations are then moved into place
  /// (swapped, never copied: an operation is a large value).
  func order(_ operations: inout [PlannedOperation]) {
    var ranks: [String: Int] = [:]
    for (index, kind) in kinds.enumerated() where ranks[kind.kind] == nil {
      ranks[kind.kind] = index
    }
    let keys = operations.map { operation -> (Int, Int, String) in
      let kindRank = ranks[operation.address.kind] ?? kinds.count
      switch operation.action {
      case .connect: return (0, kindRank, operation.address.name)
      case .delete: return (2, -kindRank, operation.address.name)
      default: return (1, kindRank, operation.address.name)
      }
    }
    let positions = operations.indices.sorted { left, right in
      keys[left] != keys[right] ? keys[left] < keys[right] : left < right
    }
    operations.arrange(positions)
  }

  /// A delete of a kind whose platform deletes dependents along with it says which live
  /// resources go with it.
  func namingDependentsDeletedAlong(
    _ operations: [PlannedOperation], live: LiveState
  ) -> [PlannedOperation] {
    let cascading = Set(kinds.filter(\.deletesDependents).map(\.kind))
    let destroying = operations.contains { operation in
      (operation.action == .delete || operation.action == .replace)
        && cascading.contains(operation.address.kind)
    }
    guard destroying else { return operations }
    // Who depends on what, read once from the live state.
    var dependents: [ResourceAddress: [String]] = [:]
    for resource in live.resources {
      for used in resource.dependencies where cascading.contains(used.kind) {
        dependents[used, default: []].append(resource.address.description)
      }
    }
    return operations.map { operation in
      guard operation.action == .delete || operation.action == .replace,
        let names = dependents[operation.liveAddress]?.sorted()
      else { return operation }
      var operation = operation
      operation.warnings.append(
        "the platform deletes with it what depends on it: " + names.joined(separator: ", "))
      return operation
    }
  }
}
