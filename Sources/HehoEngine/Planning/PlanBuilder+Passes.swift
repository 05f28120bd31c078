import HehoManifest

/// The passes of `PlanBuilder.build`, in the order it runs them.
extension PlanBuilder {
  /// The matched renames (`metadata.previousNames`), and the live state with each renamed
  /// resource under its new name, also by address; the matcher's problems and notes go to
  /// `draft`.
  func followRenames(items: [DesiredItem], live: LiveState, into draft: inout Draft) -> (
    renames: RenameMatcher.Result, live: LiveState,
    liveByAddress: [ResourceAddress: [LiveResource]]
  ) {
    var liveByAddress = Self.byAddress(live.resources)
    let matcher = RenameMatcher(kinds: kinds)
    let renames = matcher.match(items: items, live: liveByAddress)
    draft.problems += renames.problems
    draft.notes += renames.notes
    var live = live
    if !renames.renames.isEmpty {
      live.resources = matcher.following(renames, in: live.resources)
      liveByAddress = Self.byAddress(live.resources)
    }
    return (renames, live, liveByAddress)
  }

  /// The live resources grouped by address, in their order.
  static func byAddress(_ resources: [LiveResource]) -> [ResourceAddress: [LiveResource]] {
    var grouped: [ResourceAddress: [LiveResource]] = [:]
    for resource in resources { grouped[resource.address, default: []].append(resource) }
    return grouped
  }

  /// The names the platform holds several resources under, each a problem in `draft`.
  ///
  /// Several live resources under one name are a problem only where heho would act on the
  /// name: a manifest declares it, or the project prunes. Unmanaged ones it leaves alone are
  /// listed as unmanaged, each with its ID.
  func ambiguousNames(
    _ liveByAddress: [ResourceAddress: [LiveResource]], desired: Set<ResourceAddress>,
    prune: Bool, into draft: inout Draft
  ) -> Set<ResourceAddress> {
    let ambiguous = Set(
      liveByAddress.filter { $0.value.count > 1 && (prune || desired.contains($0.key)) }.keys)
    for address in ambiguous.sorted() {
      let ids = (liveByAddress[address] ?? []).map(\.id).sorted().joined(separator: ", ")
      draft.problems.append(
        PlanProblem(
          .ambiguous, address: address, platform: platform(of: address.kind),
          message: "the platform holds several resources named '\(address.name)' (IDs \(ids)); "
            + "heho identifies resources by name, so it touches none of them: "
            + "rename or delete all but one on the platform"))
    }
    return ambiguous
  }

  /// Each item's operation (none for an ambiguous name), with its problems and notes, added to
  /// `draft` in the items' order.
  ///
  /// Each item is diffed on its own, so the items are diffed on every core, each into a draft
  /// of its own; the drafts are joined in the items' order.
  func diff(
    _ items: [DesiredItem], liveByAddress: [ResourceAddress: [LiveResource]],
    renames: RenameMatcher.Result, ambiguous: Set<ResourceAddress>, into draft: inout Draft
  ) {
    let renamed = renames.renames
    let claimed = renames.claimed
    var parts = DedicatedThreads.chunkedMap(Array(items.indices)) {
      index -> (operation: PlannedOperation?, part: Draft) in
      var part = Draft()
      let item = items[index]
      if ambiguous.contains(item.address) { return (nil, part) }
      let own = claimed.contains(item.address) ? nil : liveByAddress[item.address]?.first
      let operation = operation(for: item, live: own ?? renamed[item.address], into: &part)
      return (operation, part)
    }
    draft.operations.reserveCapacity(parts.count)
    for index in parts.indices {
      // Taken out, not copied: an operation is a large value.
      if let operation = parts[index].operation.take() { draft.operations.append(operation) }
      draft.problems += parts[index].part.problems
      draft.notes += parts[index].part.notes
    }
  }

  /// The live resources no item declares (nor an ambiguous name or a rename holds) as
  /// unmanaged, each deleted when the project prunes.
  func addUnmanaged(
    _ live: LiveState, desired: Set<ResourceAddress>, ambiguous: Set<ResourceAddress>,
    claimed: Set<ResourceAddress>, prune: Bool, into draft: inout Draft
  ) {
    // By position: only the few unmanaged resources are copied out.
    for index in live.resources.indices
    where !desired.contains(live.resources[index].address)
      && !ambiguous.contains(live.resources[index].address)
      && !claimed.contains(live.resources[index].address)
    {
      let resource = live.resources[index]
      let platform = platform(of: resource.address.kind)
      draft.unmanaged.append(
        UnmanagedResource(
          address: resource.address, platform: platform, liveID: resource.id, pruned: prune))
      if prune {
        draft.operations.append(
          PlannedOperation(
            address: resource.address, platform: platform, action: .delete, liveID: resource.id,
            reasons: softlyDeleted(resource.address.kind)
              + ["no manifest names it and the project prunes"],
            liveDependsOn: resource.dependencies))
      }
    }
  }
}
