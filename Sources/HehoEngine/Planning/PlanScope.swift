import HehoManifest

/// Narrows a plan to `--target` addresses (with what they depend on) and out of `--exclude`d
/// ones (with what depends on them).
public struct PlanScope: Sendable {
  /// Addresses to keep, with their dependencies; empty keeps all.
  public var targets: [ResourceAddress]
  /// Addresses to leave out, with their dependents.
  public var excludes: [ResourceAddress]

  /// Creates a scope.
  public init(targets: [ResourceAddress], excludes: [ResourceAddress]) {
    self.targets = targets
    self.excludes = excludes
  }

  /// Whether the scope keeps everything.
  public var isEverything: Bool { targets.isEmpty && excludes.isEmpty }

  /// The operations in scope, with notes on what was left out and problems for unknown
  /// addresses.
  public func apply(to draft: PlanBuilder.Draft) -> PlanBuilder.Draft {
    if isEverything { return draft }
    var result = draft
    let operations = draft.operations
    var owner: [ResourceAddress: ResourceAddress] = [:]
    for operation in operations {
      for source in operation.sources { owner[source] = operation.address }
      owner[operation.address] = operation.address
    }
    func resolve(_ addresses: [ResourceAddress]) -> Set<ResourceAddress> {
      var found = Set<ResourceAddress>()
      for address in addresses {
        if let resolved = owner[address] {
          found.insert(resolved)
        } else {
          result.problems.append(
            PlanProblem(
              .invalid, address: address,
              message: "no manifest or live resource has this address; "
                + "use KIND/NAME as the plan shows it (e.g. table/products)"))
        }
      }
      return found
    }
    let byAddress = Dictionary(
      operations.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
    var kept = Set(byAddress.keys)
    if !targets.isEmpty {
      var stack = Array(resolve(targets))
      kept = []
      while let address = stack.popLast() {
        guard kept.insert(address).inserted else { continue }
        stack.append(contentsOf: byAddress[address]?.dependsOn ?? [])
      }
      // Resources replaced because something kept is destroyed must come along.
      for operation in operations where operation.action == .replace {
        if operation.liveDependsOn.contains(where: { kept.contains($0) }) {
          kept.insert(operation.address)
        }
      }
    }
    var dropped = resolve(excludes)
    var grew = true
    while grew {
      grew = false
      for operation in operations where !dropped.contains(operation.address) {
        if operation.dependsOn.contains(where: dropped.contains) {
          dropped.insert(operation.address)
          grew = true
        }
      }
    }
    for address in dropped.sorted() where kept.contains(address) {
      if !excludes.contains(address) {
        result.notes.append("\(address) is left out because it depends on an excluded resource")
      }
    }
    kept.subtract(dropped)
    result.operations = operations.filter { kept.contains($0.address) }
    result.unmanaged = draft.unmanaged.map { entry in
      var entry = entry
      entry.pruned = entry.pruned && kept.contains(entry.address)
      return entry
    }
    return result
  }
}
