import HehoManifest

/// Values that belong to one resource at a time (`KindBehavior.exclusiveFields`, a Heppu agent's
/// phone numbers): which operation takes and which releases each value, for the apply graph
/// to order (a value is released before it is taken), and a refusal where a live resource that
/// no manifest manages holds a value a manifest claims.
struct ExclusiveValues {
  /// The provider's kinds.
  var kinds: [KindBehavior]

  /// `draft` with `takes` and `releases` on the operations of kinds with exclusive fields, and
  /// a problem for each value an unmanaged live resource keeps.
  func apply(to draft: inout PlanBuilder.Draft, items: [DesiredItem], live: LiveState) {
    let fieldsByKind = Dictionary(
      kinds.filter { !$0.exclusiveFields.isEmpty }.map { ($0.kind, $0.exclusiveFields.sorted()) },
      uniquingKeysWith: { first, _ in first })
    if fieldsByKind.isEmpty { return }
    var liveByID: [String: LiveResource] = [:]
    for resource in live.resources where fieldsByKind[resource.address.kind] != nil {
      liveByID[resource.id] = resource
    }
    let desired = Dictionary(
      items.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
    var taken: [String: ResourceAddress] = [:]
    for index in draft.operations.indices {
      let operation = draft.operations[index]
      guard let fields = fieldsByKind[operation.address.kind] else { continue }
      let held = operation.liveID.flatMap { liveByID[$0] }
      var takes: [String] = []
      var releases: [String] = []
      for field in fields {
        let before = held.map { Self.values(of: $0.fields[field]) } ?? []
        let after =
          operation.action == .delete
          ? [] : Self.values(of: desired[operation.address]?.fields[field])
        let keeps = operation.action == .update || operation.action == .noop
        takes += (keeps ? after.filter { !before.contains($0) } : after).map { "\(field)=\($0)" }
        releases += (keeps ? before.filter { !after.contains($0) } : before).map {
          "\(field)=\($0)"
        }
      }
      for value in takes { taken[value] = operation.address }
      draft.operations[index].takes = takes.isEmpty ? nil : takes
      draft.operations[index].releases = releases.isEmpty ? nil : releases
    }
    // A value held by a live resource no manifest manages, and that the plan does not delete.
    for entry in draft.unmanaged where !entry.pruned {
      guard let fields = fieldsByKind[entry.address.kind], let holder = liveByID[entry.liveID]
      else { continue }
      for field in fields {
        for value in Self.values(of: holder.fields[field]) {
          guard let claimant = taken["\(field)=\(value)"] else { continue }
          draft.problems.append(
            PlanProblem(
              .invalid, address: claimant, platform: entry.platform,
              message: "its \(field) \(value) is held by \(entry.address) (id \(entry.liveID)), "
                + "which no manifest declares: remove it there, declare \(entry.address), or "
                + "let the project prune it"))
        }
      }
    }
  }

  /// The text values of a field: the elements of a list, or the value itself.
  static func values(of value: Value?) -> [String] {
    switch value {
    case .array(let elements)?: return elements.compactMap(\.stringValue)
    case .string(let text)?: return [text]
    default: return []
    }
  }
}
