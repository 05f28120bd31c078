import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// The __Name__ platform: gadgets, updated in place (PATCH, changed fields only).
public struct __Name__Provider: PlatformProvider {
  public let endpoint: String
  public let writes: PlatformWrites

  /// Creates a provider for the platform reached through `access`.
  public init(access: PlatformAccess) {
    endpoint = access.endpoint.absoluteString
    writes = PlatformWrites(client: access.client(), displayName: "__Name__")
  }

  public var name: String { __Name__Descriptor.platformName }

  public var kinds: [KindBehavior] { __Name__Kind.allCases.map(behavior) }

  /// How the engine treats each kind.
  func behavior(of kind: __Name__Kind) -> KindBehavior {
    switch kind {
    case .gadget:
      KindBehavior(
        kind: kind.addressKind, platform: name,
        replacementReason: "never: every gadget field updates in place",
        inPlaceFields: ["name", "color", "enabled"])
    }
  }

  /// Each gadget with its default filled in, so that an omitted `enabled` is no diff.
  public func compile(_ state: DesiredState) throws -> CompiledDesiredState {
    let kind = __Name__Kind.gadget.addressKind
    let items = state.resources.filter { $0.address.kind == kind }.map { resource in
      var fields = resource.spec
      fields["enabled"] = fields["enabled"] ?? .bool(true)
      var payload = fields
      payload["name"] = .string(resource.address.name)
      return DesiredItem(
        address: resource.address, fields: fields, payload: payload,
        lifecycle: resource.lifecycle, location: resource.location)
    }
    return CompiledDesiredState(items: items)
  }

  /// Every gadget: one list call.
  public func fetchLiveState() async throws -> LiveState {
    let before = writes.client.counter.reads
    let gadgets = try await listGadgets()
    let resources = gadgets.map { gadget in
      LiveResource(
        address: __Name__Kind.gadget.address(gadget.name), id: gadget.id,
        fields: ["color": .string(gadget.color), "enabled": .bool(gadget.enabled)])
    }
    return LiveState(resources: resources, readsMade: writes.client.counter.reads - before)
  }

  public func perform(_ step: ApplyStep) async throws -> StepResult {
    switch try __Name__Kind(of: step.address, on: "__Name__") {
    case .gadget: try await performGadget(step)
    }
  }

  func listGadgets() async throws -> [GadgetWire] {
    let request = HTTPRequest(method: "GET", path: "/gadgets")
    let response = try await writes.call(
      request, idempotent: true, write: false, doing: "listing gadgets")
    return try decode(GadgetList.self, from: response, for: request).gadgets
  }
}
