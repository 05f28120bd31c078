/// Cross-resource rules every kind shares: unique names per kind, and references that name
/// declared resources.
struct ReferenceChecker {
  var registry: KindRegistry

  /// The problems among `drafts`, and each draft's resolved references (by index). A reference
  /// to a resource in `unloaded` (declared, but its document has errors of its own) is not
  /// reported as well: that document's errors say what is wrong.
  func check(_ drafts: [ResourceDraft], unloaded: Set<ResourceAddress> = []) -> (
    diagnostics: [Diagnostic], references: [[ResourceAddress]]
  ) {
    var diagnostics: [Diagnostic] = []
    // Indexes, not drafts: a draft is a large value, and copying ten thousand of them into a
    // dictionary costs more than the check itself.
    var firstByAddress: [ResourceAddress: Int] = [:]
    firstByAddress.reserveCapacity(drafts.count)
    for (index, draft) in drafts.enumerated() {
      if let firstIndex = firstByAddress[draft.address] {
        let first = drafts[firstIndex]
        diagnostics.append(
          Diagnostic(
            .error,
            "duplicate \(draft.label): already declared at \(first.nameLocation); names are "
              + "unique per kind, rename one", at: draft.nameLocation))
        diagnostics.append(
          Diagnostic(.note, "\(first.label) first declared here", at: first.nameLocation))
      } else {
        firstByAddress[draft.address] = index
      }
    }
    var namesByKind: [String: [String]] = [:]
    for draft in drafts { namesByKind[draft.kind, default: []].append(draft.name) }
    var references: [[ResourceAddress]] = []
    for draft in drafts {
      var addresses: [ResourceAddress] = []
      for (field, kind) in registry.kind(named: draft.kind)?.referenceFields ?? [] {
        guard let target = draft.spec[field]?.stringValue else { continue }
        let address = ResourceAddress(kind: kind, name: target)
        addresses.append(address)
        if firstByAddress[address] == nil, !unloaded.contains(address) {
          let known = namesByKind[kind] ?? []
          let hidden = draft.display(field, target) != "'\(target)'"
          let suggestion = hidden ? "" : Suggestions.didYouMean(target, among: known)
          diagnostics.append(
            Diagnostic(
              .error,
              "\(draft.label) refers to \(kind) \(draft.display(field, target)), which no manifest "
                + "declares\(suggestion)", at: draft.valueLocation(field)))
        }
      }
      references.append(addresses)
    }
    for kind in registry.kinds {
      for rule in kind.setRules { diagnostics += rule.check(drafts, unloaded: unloaded) }
    }
    return (diagnostics, references)
  }
}
