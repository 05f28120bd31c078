import HehoManifest

/// Builds operations from compiled desired items and live state: the pure part of planning.
public struct PlanBuilder: Sendable {
  /// The provider's kinds, in dependency order.
  public var kinds: [KindBehavior]
  /// Explains a field change in the provider's words.
  public var explain: @Sendable (FieldChange, ResourceAddress) -> String?
  /// The compact form of a create, in the provider's words (asked only for creates).
  public var outline: @Sendable (DesiredItem) -> [String]? = { _ in nil }
  /// The desired item as compared with its live resource: write-only fields made comparable
  /// (`Provider.reconcile(_:with:)`).
  public var reconcile: @Sendable (DesiredItem, LiveResource) -> DesiredItem = { item, _ in item }

  /// Creates a builder.
  public init(
    kinds: [KindBehavior],
    explain: @escaping @Sendable (FieldChange, ResourceAddress) -> String? = { _, _ in nil }
  ) {
    self.kinds = kinds
    self.explain = explain
  }

  /// What the builder found.
  public struct Draft: Sendable, Hashable {
    public var operations: [PlannedOperation] = []
    public var unmanaged: [UnmanagedResource] = []
    public var problems: [PlanProblem] = []
    public var notes: [String] = []
  }

  /// Diffs every item against the live state, finds ambiguities, unmanaged resources and
  /// cascading replacements, and orders the result. Record counts and guards come later.
  public func build(items: [DesiredItem], live: LiveState, prune: Bool) -> Draft {
    var draft = Draft()
    let (renames, live, liveByAddress) = followRenames(items: items, live: live, into: &draft)
    let desired = Set(items.map(\.address))
    let ambiguous = ambiguousNames(liveByAddress, desired: desired, prune: prune, into: &draft)
    diff(items, liveByAddress: liveByAddress, renames: renames, ambiguous: ambiguous, into: &draft)
    addUnmanaged(
      live, desired: desired, ambiguous: ambiguous, claimed: renames.claimed, prune: prune,
      into: &draft)
    draft.operations = cascade(draft.operations)
    draft.operations = planRecords(draft.operations, items: items, live: live)
    draft.operations = namingDependentsDeletedAlong(draft.operations, live: live)
    ExclusiveValues(kinds: kinds).apply(to: &draft, items: items, live: live)
    order(&draft.operations)
    draft.unmanaged.sort { ($0.address, $0.liveID) < ($1.address, $1.liveID) }
    return draft
  }

  /// `["soft: the platform keeps it"]` for a kind whose deletes are soft, else none.
  func softlyDeleted(_ kind: String) -> [String] {
    kinds.first { $0.kind == kind }?.softDelete == true ? ["soft: the platform keeps it"] : []
  }

  /// The platform a kind belongs to ("" when no kind behavior names it).
  func platform(of kind: String) -> String {
    kinds.first { $0.kind == kind }?.platform ?? ""
  }

  func operation(
    for declared: DesiredItem, live: LiveResource?, into draft: inout Draft
  ) -> PlannedOperation? {
    let item = live.map { reconcile(declared, $0) } ?? declared
    guard let behavior = kinds.first(where: { $0.kind == item.address.kind }) else {
      draft.problems.append(
        PlanProblem(.invalid, address: item.address, message: "the provider has no such kind"))
      return nil
    }
    let differ = Differ(behavior: behavior) { [explain] in explain($0, item.address) }
    var operation = PlannedOperation(
      address: item.address, platform: behavior.platform, action: .noop, liveID: live?.id,
      sources: item.sources,
      dependsOn: item.dependencies, liveDependsOn: live?.dependencies ?? [], payload: item.payload)
    if let live, live.address != item.address { operation.renamedFrom = live.address.name }
    // A data item's records are diffed once every operation is known (`planRecords`).
    if behavior.recordContainer != nil && item.records != nil { return operation }
    guard let live else {
      operation.action = item.mode == .connect ? .connect : .create
      operation.changes = differ.creation(of: item)
      if item.mode == .create { operation.outline = outline(item) }
      if item.mode == .connect {
        operation.reasons = [
          "it exists in the platform's storage; heho connects it, never drops it"
        ]
      }
      return operation
    }
    var changes = differ.changes(from: live, to: item)
    if let old = operation.renamedFrom {
      changes.insert(
        FieldChange(
          field: "name", before: .string(old), after: .string(item.address.name),
          forcesReplacement: !behavior.inPlaceFields.contains("name")), at: 0)
    }
    let ignored = differ.ignoredChanges(from: live, to: item)
    operation.ignored = ignored.isEmpty ? nil : ignored
    if item.mode == .connect {
      if !changes.isEmpty {
        let fields = changes.map(\.field).joined(separator: ", ")
        draft.notes.append(
          "\(item.address) is connected and differs from its manifest (\(fields)); "
            + "heho never alters a connected resource: update the manifest to match")
      }
      return operation
    }
    operation.changes = changes
    if changes.isEmpty { return operation }
    var forcing = changes.filter(\.forcesReplacement).map(\.field)
    if forcing.first == "name" && operation.renamedFrom != nil {
      forcing.removeFirst()
      markReplaced(
        &operation, behavior: behavior,
        reason: "the rename forces a replacement: the platform cannot rename it in place "
          + "(\(behavior.replacementReason))")
    }
    if !forcing.isEmpty {
      let shown = forcing.prefix(4).joined(separator: ", ") + (forcing.count > 4 ? ", …" : "")
      // A data-holding kind that migrates copies its records over instead (not when it is
      // renamed too: the rename already replaces it).
      if operation.action != .replace, let reason = behavior.migrationReason,
        item.lifecycle.migrate
      {
        operation.action = .migrate
        operation.reasons.append("\(reason); changed: \(shown)")
        return operation
      }
      markReplaced(
        &operation, behavior: behavior, reason: "\(behavior.replacementReason); changed: \(shown)")
    } else if operation.action != .replace {
      operation.action = .update
    }
    return operation
  }

  func markReplaced(_ operation: inout PlannedOperation, behavior: KindBehavior, reason: String) {
    operation.action = .replace
    if !operation.reasons.contains(reason) { operation.reasons.append(reason) }
    let warning = "its platform ID changes: anything that stores the old ID must be updated"
    if behavior.replacementChangesIdentity && !operation.warnings.contains(warning) {
      operation.warnings.append(warning)
    }
  }
}
