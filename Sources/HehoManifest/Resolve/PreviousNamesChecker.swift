/// Rules for `metadata.previousNames`: a previous name differs from the resource's own name,
/// is listed once, and is claimed by one resource of its kind only.
///
/// A previous name may be the name of another declared resource: the plan then renames the
/// live resource and creates the declared one anew under the freed name.
struct PreviousNamesChecker {
  /// The problems among `drafts`, each with its previous names as written (by index).
  func check(_ drafts: [ResourceDraft], previousNames: [[String]]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var claimedBy: [ResourceAddress: Int] = [:]  // Indexes: a draft is a large value.
    for (position, previousNames) in previousNames.enumerated() where !previousNames.isEmpty {
      let draft = drafts[position]
      var seen: Set<String> = []
      for (index, previous) in previousNames.enumerated() {
        let location = draft.metadataLocation("previousNames[\(index)]")
        if previous == draft.name {
          diagnostics.append(
            Diagnostic(
              .error,
              "\(draft.label) lists its own name among its previous names; list only names it "
                + "had before", at: location))
          continue
        }
        guard seen.insert(previous).inserted else {
          diagnostics.append(
            Diagnostic(
              .error, "\(draft.label) lists the previous name '\(previous)' twice; keep one",
              at: location))
          continue
        }
        let old = ResourceAddress(kind: draft.kind, name: previous)
        if let first = claimedBy[old].map({ drafts[$0] }) {
          diagnostics.append(
            Diagnostic(
              .error,
              "\(draft.label) and \(first.label) (\(first.nameLocation)) both list "
                + "'\(previous)' as a previous name; one live resource can be renamed to one "
                + "name only: keep it on the resource it became", at: location))
        } else {
          claimedBy[old] = position
        }
      }
    }
    return diagnostics
  }
}
