import HehoManifest

/// Several platforms behind one provider, so that the engine plans and applies across them as
/// one: one compile, one live state (every platform read concurrently), one fingerprint, one
/// apply graph under one parallelism.
///
/// Kind names are unique across platforms, so each resource's kind says which member owns it.
public struct ProviderGroup: RecordProvider {
  /// The platforms, in registry order.
  public let members: [any Provider]
  private let owners: [String: Int]

  /// Groups `members`; a kind that two members claim belongs to the first.
  public init(_ members: [any Provider]) {
    self.members = members
    var owners: [String: Int] = [:]
    for (index, member) in members.enumerated() {
      for kind in member.kinds where owners[kind.kind] == nil { owners[kind.kind] = index }
    }
    self.owners = owners
  }

  public var name: String { members.map(\.name).joined(separator: "+") }

  public var platforms: [PlatformEndpoint] { members.flatMap(\.platforms).sorted() }

  /// Every member's kinds, each marked with its platform, members in order.
  public var kinds: [KindBehavior] {
    members.flatMap { member in
      member.kinds.map { kind in
        var kind = kind
        if kind.platform.isEmpty { kind.platform = member.name }
        return kind
      }
    }
  }

  /// The member that owns `kind`.
  func owner(of kind: String) throws -> any Provider {
    guard let index = owners[kind] ?? owners[kind.lowercased()] else {
      throw ProviderError(
        "no platform in use manages the kind '\(kind)' (platforms: "
          + members.map(\.name).joined(separator: ", ") + ")")
    }
    return members[index]
  }

  /// Each member compiles the resources of its own kinds.
  public func compile(_ state: DesiredState) throws -> CompiledDesiredState {
    if let only = soleOwner(of: state.resources) { return try members[only].compile(state) }
    var items: [DesiredItem] = []
    var notes: [String] = []
    for (index, member) in members.enumerated() {
      var part = state
      part.resources = state.resources.filter { owners[$0.address.kind] == index }
      guard !part.resources.isEmpty else { continue }
      let compiled = try member.compile(part)
      items += compiled.items
      notes += compiled.notes
    }
    let unowned = state.resources.filter { owners[$0.address.kind] == nil }
    if let first = unowned.first {
      _ = try owner(of: first.address.kind)
    }
    return CompiledDesiredState(items: items, notes: notes)
  }

  /// The one member that owns every resource, when there is one: it compiles the state as it
  /// is, without a filtered copy.
  private func soleOwner(of resources: [DesiredResource]) -> Int? {
    guard let first = resources.first.flatMap({ owners[$0.address.kind] }) else { return nil }
    // Compared with the few kind names the member has, not hashed once per resource.
    let kinds = members[first].kinds.map(\.kind)
    return resources.allSatisfy { kinds.contains($0.address.kind) } ? first : nil
  }

  /// Every member's live state, read concurrently, in member order.
  public func fetchLiveState() async throws -> LiveState {
    try await withThrowingTaskGroup(of: (Int, LiveState).self) { group in
      for (index, member) in members.enumerated() {
        group.addTask { (index, try await member.fetchLiveState()) }
      }
      var parts: [Int: LiveState] = [:]
      for try await (index, live) in group { parts[index] = live }
      return LiveState.merged(members.indices.compactMap { parts[$0] })
    }
  }

  /// Each member reads the sources of its own kinds, the members concurrently.
  public func fetchRecords(_ sources: [RecordSource]) async throws -> LiveState {
    var bySource: [Int: [RecordSource]] = [:]
    for source in sources {
      guard let index = members.firstIndex(where: { $0.behavior(of: source.address.kind) != nil })
      else { continue }
      bySource[index, default: []].append(source)
    }
    let members = self.members
    return try await withThrowingTaskGroup(of: (Int, LiveState).self) { group in
      for (index, part) in bySource {
        group.addTask { (index, try await members[index].records.fetchRecords(part)) }
      }
      var parts: [Int: LiveState] = [:]
      for try await (index, live) in group { parts[index] = live }
      return LiveState.merged(parts.keys.sorted().compactMap { parts[$0] })
    }
  }

  public func countRecords(in resource: LiveResource) async throws -> Int {
    try await owner(of: resource.address.kind).records.countRecords(in: resource)
  }

  public func perform(_ step: ApplyStep) async throws -> StepResult {
    try await owner(of: step.address.kind).perform(step)
  }

  public func explain(_ change: FieldChange, of address: ResourceAddress) -> String? {
    (try? owner(of: address.kind))?.explain(change, of: address)
  }

  public func outline(of item: DesiredItem) -> [String]? {
    (try? owner(of: item.address.kind))?.outline(of: item)
  }

  public func reconcile(_ item: DesiredItem, with live: LiveResource) -> DesiredItem {
    (try? owner(of: item.address.kind))?.reconcile(item, with: live) ?? item
  }

  public func migration(from live: LiveResource, to item: DesiredItem) -> MigrationPlan? {
    (try? owner(of: item.address.kind))?.records.migration(from: live, to: item)
  }

  public func carryOver(_ record: Record, in migration: MigrationPlan) -> CarriedRecord {
    guard let owner = try? owner(of: migration.source.address.kind) else {
      return .dropped("no platform in use manages \(migration.source.address.kind)")
    }
    return owner.records.carryOver(record, in: migration)
  }

  public func outputs(of resource: LiveResource) async throws -> [String: Value] {
    guard let owner = try? owner(of: resource.address.kind) else { return [:] }
    return try await owner.outputs(of: resource)
  }

  public func openConversation(with target: LiveResource, live: LiveState) async throws
    -> ConversationOpening
  {
    try await owner(of: target.address.kind).openConversation(with: target, live: live)
  }
}
