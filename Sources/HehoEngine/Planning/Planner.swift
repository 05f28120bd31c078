import HehoManifest

/// Plans: compiles the manifests, reads the live platform, diffs, guards and orders.
public struct Planner: Sendable {
  /// The platform planned against.
  public var provider: any Provider
  /// Guards and scope.
  public var options: PlanOptions
  /// Where migrations keep their journals: a stopped migration found there is resumed.
  public var migrations: (any MigrationStore)?

  /// Creates a planner.
  public init(
    provider: any Provider, options: PlanOptions = PlanOptions(),
    migrations: (any MigrationStore)? = nil
  ) {
    self.provider = provider
    self.options = options
    self.migrations = migrations
  }

  /// Plans `state` against the live platform. Refusals are listed in `Plan.problems`;
  /// errors reaching the platform are thrown.
  public func plan(_ state: DesiredState) async throws -> Plan {
    let provider = self.provider
    return try await plan(state) { try await provider.fetchLiveState() }
  }

  /// Plans `state` against the live state `live` gives: for example one the caller started
  /// reading while the manifests loaded. The manifests are compiled before it is awaited.
  public func plan(
    _ state: DesiredState, live readLive: @Sendable () async throws -> LiveState
  ) async throws -> Plan {
    var compiled = try provider.compile(state)
    let renaming = Self.withPreviousNames(compiled.items, from: state)
    compiled.items = renaming.items
    compiled.notes += renaming.notes
    let lists = try await readLive()
    async let digest = Fingerprint.digest(of: lists)
    var live = lists
    let records = try await readRecords(
      compiled.items.compactMap { item in item.records.map { $0.source(for: item.address) } },
      in: live)
    if records.readsMade > 0 { live = LiveState.merged([live, records]) }
    let provider = self.provider
    var builder = PlanBuilder(kinds: provider.kinds) { provider.explain($0, of: $1) }
    builder.outline = { provider.outline(of: $0) }
    builder.reconcile = { provider.reconcile($0, with: $1) }
    var draft = builder.build(
      items: compiled.items, live: live, prune: options.prune ?? state.project.prune)
    draft = PlanScope(targets: options.targets, excludes: options.excludes).apply(to: draft)
    let migrated = try await planMigrations(&draft, items: compiled.items, live: live)
    let counts = try await countRecords(for: draft.operations, in: live)
    for index in draft.operations.indices {
      if let count = counts[draft.operations[index].address] {
        draft.operations[index].recordsLost = count
      }
    }
    let lifecycles = Dictionary(
      compiled.items.map { ($0.address, $0.lifecycle) }, uniquingKeysWith: { first, _ in first })
    draft = DestructionGuard(allowDataLoss: options.allowDataLoss, lifecycles: lifecycles)
      .apply(to: draft)
    let plan = Plan(
      platforms: provider.platforms, project: state.project.name,
      environment: state.project.environment,
      fingerprint: Fingerprint.of(
        digest: await digest, recordCounts: counts,
        records: Self.recordsDigest(
          LiveState.merged([records, migrated]), in: draft.operations)),
      operations: draft.operations, unmanaged: draft.unmanaged, problems: draft.problems,
      notes: compiled.notes + draft.notes,
      readsMade: live.readsMade + counts.count + migrated.readsMade)
    // What the plan was made from is freed while the caller renders it (the draft's
    // operations live on in the plan).
    BackgroundRelease.release((compiled, live, lists))
    return plan
  }

  /// `items` with the previous names their manifests give (`metadata.previousNames`), and a
  /// note for each manifest whose previous names name no platform resource (a knowledge base
  /// is its documents).
  static func withPreviousNames(_ items: [DesiredItem], from state: DesiredState) -> (
    items: [DesiredItem], notes: [String]
  ) {
    var previous: [ResourceAddress: [String]] = [:]
    for resource in state.resources where !resource.previousNames.isEmpty {
      previous[resource.address] = resource.previousNames
    }
    if previous.isEmpty { return (items, []) }
    let renamed = items.map { item in
      var item = item
      item.previousNames = previous.removeValue(forKey: item.address) ?? item.previousNames
      return item
    }
    let notes = previous.keys.sorted().map {
      "\($0) has previous names, but it is not a resource on the platform, so there is "
        + "nothing to rename: remove metadata.previousNames"
    }
    return (renamed, notes)
  }

  /// The live records of `sources` whose containers are on the platform (one read each); a
  /// container still to be made holds none.
  func readRecords(_ sources: [RecordSource], in live: LiveState) async throws -> LiveState {
    if sources.isEmpty { return LiveState(resources: [], readsMade: 0) }
    let present = Set(live.resources.map(\.address))
    let reachable = sources.filter { present.contains($0.container) }
    if reachable.isEmpty { return LiveState(resources: [], readsMade: 0) }
    return try await provider.records.fetchRecords(reachable)
  }

  /// Re-reads what `plan` depended on and fingerprints it, to tell whether a saved plan is stale.
  public func currentFingerprint(for plan: Plan) async throws -> String {
    let live = try await provider.fetchLiveState()
    let records = try await readRecords(
      plan.operations.compactMap(\.records?.source)
        + plan.operations.compactMap { $0.migration?.resume == nil ? $0.migration?.source : nil },
      in: live)
    let counted = plan.operations.filter { $0.recordsLost != nil }
    let counts = try await countRecords(for: counted, in: live)
    return Fingerprint.of(
      digest: Fingerprint.digest(of: live), recordCounts: counts,
      records: Self.recordsDigest(records, in: plan.operations))
  }

  /// The hash of the live records of the data resources the plan covers (after `--target` and
  /// `--exclude`), `nil` when it covers none: a saved plan is stale when they change.
  static func recordsDigest(_ records: LiveState, in operations: [PlannedOperation]) -> UInt64? {
    let covered = Set(
      operations.filter { $0.records != nil || $0.migration != nil }.map(\.address))
    let kept = records.resources.filter { covered.contains($0.address) }
    return kept.isEmpty ? nil : Fingerprint.digest(of: LiveState(resources: kept, readsMade: 0))
  }

  /// Counts records of data-holding resources that would be dropped or replaced: one read
  /// each, a bounded number at a time.
  func countRecords(
    for operations: [PlannedOperation], in live: LiveState
  ) async throws -> [ResourceAddress: Int] {
    let provider = self.provider
    // Counted by the operation's address: a rename counts the live resource's old name.
    let targets = operations.compactMap { operation -> (ResourceAddress, LiveResource)? in
      guard operation.action == .delete || operation.action == .replace,
        provider.behavior(of: operation.address.kind)?.holdsData == true,
        let resource = live.resources.first(where: {
          $0.address == operation.liveAddress && $0.id == operation.liveID
        })
      else { return nil }
      return (operation.address, resource)
    }
    let counts = try await BoundedTasks.map(targets, width: options.countParallelism) {
      try await provider.records.countRecords(in: $0.1)
    }
    return Dictionary(zip(targets.map(\.0), counts), uniquingKeysWith: { first, _ in first })
  }
}
