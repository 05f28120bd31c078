import Foundation
import HehoEngine
import HehoManifest

/// Builders for engine tests: a two-kind world of stores (hold data) and bots (use stores).
enum Fixtures {
  static let kinds = [
    KindBehavior(kind: "store", holdsData: true, replacementReason: "stores cannot be altered"),
    KindBehavior(
      kind: "bot", replacementChangesIdentity: true, replacementReason: "bots cannot be updated",
      inPlaceFields: ["label"]),
  ]

  static func address(_ text: String) -> ResourceAddress {
    ResourceAddress(parsing: text) ?? ResourceAddress(kind: "invalid", name: text)
  }

  static func item(
    _ address: String, _ fields: [String: Value] = [:], mode: DesiredItem.Mode = .create,
    dependencies: [String] = [], lifecycle: Lifecycle = Lifecycle()
  ) -> DesiredItem {
    DesiredItem(
      address: self.address(address), mode: mode, fields: fields, payload: fields,
      dependencies: dependencies.map(self.address), lifecycle: lifecycle)
  }

  static func live(
    _ address: String, id: String? = nil, _ fields: [String: Value] = [:],
    dependencies: [String] = []
  ) -> LiveResource {
    LiveResource(
      address: self.address(address), id: id ?? "id-\(address)", fields: fields,
      dependencies: dependencies.map(self.address))
  }

  static func build(
    _ items: [DesiredItem], _ live: [LiveResource], prune: Bool = false
  ) -> PlanBuilder.Draft {
    PlanBuilder(kinds: kinds).build(
      items: items, live: LiveState(resources: live, readsMade: 2), prune: prune)
  }

  static func action(_ draft: PlanBuilder.Draft, _ address: String) -> PlannedOperation.Action? {
    draft.operations.first { $0.address == self.address(address) }?.action
  }
}

/// A provider whose live state and record counts are fixed and whose writes are recorded.
final class FakeProvider: RecordProvider, @unchecked Sendable {
  let lock = NSLock()
  var liveResources: [LiveResource]
  var records: [String: Int]
  var failing: Set<String>
  var performed: [String] = []
  var counted: [String] = []
  var running = 0
  var maxRunning = 0
  let delay: Duration

  init(
    live: [LiveResource] = [], records: [String: Int] = [:], failing: Set<String> = [],
    delay: Duration = .zero
  ) {
    self.liveResources = live
    self.records = records
    self.failing = failing
    self.delay = delay
  }

  var name: String { "fake" }
  var platforms: [PlatformEndpoint] { [PlatformEndpoint(name: "fake", endpoint: "http://fake")] }
  var kinds: [KindBehavior] { Fixtures.kinds }

  func compile(_ state: DesiredState) throws -> CompiledDesiredState {
    CompiledDesiredState(
      items: state.resources.map {
        DesiredItem(
          address: $0.address, fields: $0.spec, payload: $0.spec, dependencies: $0.references,
          lifecycle: $0.lifecycle)
      }, notes: ["fake note"])
  }

  func fetchLiveState() async throws -> LiveState {
    LiveState(resources: locked { liveResources }, readsMade: 2)
  }

  func fetchRecords(_ sources: [RecordSource]) async throws -> LiveState {
    LiveState(resources: [], readsMade: 0)
  }

  func countRecords(in resource: LiveResource) async throws -> Int {
    locked {
      counted.append(resource.address.description)
      return records[resource.address.description] ?? 0
    }
  }

  func perform(_ step: ApplyStep) async throws -> StepResult {
    locked {
      running += 1
      maxRunning = max(maxRunning, running)
    }
    if delay > .zero { try? await Task.sleep(for: delay) } else { await Task.yield() }
    let fails = locked {
      running -= 1
      performed.append(step.id)
      return failing.contains(step.id)
    }
    if fails { throw ProviderError("server said no to \(step.id)", status: 400) }
    return StepResult(liveID: "new-\(step.address.name)")
  }

  func explain(_ change: FieldChange, of address: ResourceAddress) -> String? {
    change.field == "label" ? "\(address.name) is relabelled" : nil
  }

  func locked<T>(_ body: () -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body()
  }
}
