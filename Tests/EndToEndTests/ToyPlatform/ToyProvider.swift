import Foundation
import HehoCLI
import HehoEngine
import HehoManifest
import PlatformKit
import Synchronization

/// Toy accounts, in memory, by API key: what a toy platform holds.
final class ToyStore: Sendable {
  struct Widget: Sendable, Hashable {
    var id: String
    var color: String
    var enabled: Bool
  }

  private let accounts = Mutex<[String: [String: Widget]]>([:])
  private let serial = Mutex(0)
  /// Every request made, as `KEY METHOD NAME`, to count reads and writes.
  let log = Mutex<[String]>([])

  func widgets(key: String) -> [String: Widget] {
    log.withLock { $0.append("\(key) list") }
    return accounts.withLock { $0[key] ?? [:] }
  }

  func put(_ name: String, color: String, enabled: Bool, key: String, id: String? = nil) -> String {
    log.withLock { $0.append("\(key) put \(name)") }
    let id = id ?? "w-\(serial.withLock { $0 += 1; return $0 })"
    accounts.withLock {
      $0[key, default: [:]][name] = Widget(id: id, color: color, enabled: enabled)
    }
    return id
  }

  func remove(_ name: String, key: String) {
    log.withLock { $0.append("\(key) delete \(name)") }
    accounts.withLock { _ = $0[key]?.removeValue(forKey: name) }
  }

  /// Requests made with `key`.
  func requests(key: String) -> [String] {
    log.withLock { $0.filter { $0.hasPrefix(key + " ") } }
  }
}

/// The toy platform's provider: widgets, updated in place.
struct ToyProvider: Provider {
  let store: ToyStore
  let access: PlatformAccess

  var name: String { "toy" }
  var platforms: [PlatformEndpoint] {
    [PlatformEndpoint(name: name, endpoint: access.endpoint.absoluteString)]
  }
  var kinds: [KindBehavior] {
    [
      KindBehavior(
        kind: "widget", platform: name, replacementReason: "never",
        inPlaceFields: ["color", "enabled"])
    ]
  }

  func compile(_ state: DesiredState) throws -> CompiledDesiredState {
    CompiledDesiredState(
      items: state.resources.map { resource in
        var fields = resource.spec
        fields["enabled"] = fields["enabled"] ?? .bool(true)
        return DesiredItem(
          address: resource.address, fields: fields, payload: fields,
          lifecycle: resource.lifecycle, location: resource.location)
      })
  }

  func fetchLiveState() async throws -> LiveState {
    let widgets = store.widgets(key: access.apiKey)
    return LiveState(
      resources: widgets.keys.sorted().compactMap { name in
        guard let widget = widgets[name] else { return nil }
        return LiveResource(
          address: ResourceAddress(kind: "widget", name: name), id: widget.id,
          fields: ["color": .string(widget.color), "enabled": .bool(widget.enabled)])
      }, readsMade: 1)
  }

  func perform(_ step: ApplyStep) async throws -> StepResult {
    let name = step.address.name
    let color = step.payload["color"]?.stringValue ?? "red"
    let enabled = step.payload["enabled"]?.boolValue ?? true
    if name == "leaky" {
      // A platform whose error quotes another platform's key: the output must not show it.
      let heho = ProcessEnvironment.current["HEHO_API_KEY"] ?? ""
      throw ProviderError("toy refused it; it saw \(heho) and \(access.apiKey) in the request")
    }
    switch step.action {
    case .create:
      return StepResult(
        liveID: store.put(name, color: color, enabled: enabled, key: access.apiKey))
    case .update:
      return StepResult(
        liveID: store.put(
          name, color: color, enabled: enabled, key: access.apiKey, id: step.liveID))
    case .delete:
      store.remove(name, key: access.apiKey)
      return StepResult(liveID: step.liveID)
    case .connect, .migrate:
      throw ProviderError(
        "toy widgets cannot be \(step.action == .connect ? "connected" : "migrated")")
    }
  }

  func explain(_ change: FieldChange, of address: ResourceAddress) -> String? { nil }
}
