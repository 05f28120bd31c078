import HehoManifest

/// The tests a change can affect (`heho test --affected PLAN`): those whose target changes,
/// or anything the target reads.
///
/// What a target reads is worked out from the compiled manifests' dependency edges, in one
/// direction only, so that two bots sharing a table do not pull each other's tests in: the
/// target; the resources that hang off it (a bot's documents and webhooks, a chatbot's
/// permissions); everything those and the target depend on, transitively (the tables a
/// permission grants); and the data kept in any of them (a table's rows). Prompt files are
/// part of their resource's fields, so a changed prompt is a change of the target itself.
public struct AffectedTests: Sendable {
  /// The compiled manifests.
  public var items: [DesiredItem]
  /// Each kind's behavior (for the kinds whose resources hold another's records).
  public var kinds: [KindBehavior]

  /// Creates the rule over `items`.
  public init(items: [DesiredItem], kinds: [KindBehavior]) {
    self.items = items
    self.kinds = kinds
  }

  /// What `target`'s replies can depend on.
  public func reads(_ target: ResourceAddress) -> Set<ResourceAddress> {
    var dependencies: [ResourceAddress: [ResourceAddress]] = [:]
    var dependents: [ResourceAddress: [ResourceAddress]] = [:]
    for item in items {
      dependencies[item.address] = item.dependencies
      for dependency in item.dependencies {
        dependents[dependency, default: []].append(item.address)
      }
    }
    var reached: Set<ResourceAddress> = [target]
    var pending = [target] + (dependents[target] ?? [])
    while let next = pending.popLast() {
      reached.insert(next)
      pending += (dependencies[next] ?? []).filter { !reached.contains($0) }
    }
    let dataKinds = Set(kinds.filter { $0.recordContainer != nil }.map(\.kind))
    for item in items where dataKinds.contains(item.address.kind) {
      if item.dependencies.contains(where: reached.contains) { reached.insert(item.address) }
    }
    return reached
  }

  /// The tests among `tests` that read something `operations` change, in their order. A
  /// resource the plan deletes is in no manifest any more, so it counts through what it hung
  /// off on the platform (a deleted document, through its bot).
  public func select(_ tests: [ConversationTest], operations: [PlannedOperation])
    -> [ConversationTest]
  {
    let changes = operations.filter { $0.action != .noop }
    return tests.filter { test in
      let read = reads(test.target)
      return changes.contains { change in
        read.contains(change.address) || read.contains(change.liveAddress)
          || change.action == .delete
            && (change.liveDependsOn + change.dependsOn).contains(where: read.contains)
      }
    }
  }
}
