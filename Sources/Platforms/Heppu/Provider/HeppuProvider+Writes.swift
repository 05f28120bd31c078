import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

extension HeppuProvider {
  public func perform(_ step: ApplyStep) async throws -> StepResult {
    switch try HeppuKind(of: step.address, on: "Heppu") {
    case .agent: try await performAgent(step)
    }
  }

  /// Creates, updates (PATCH, changed fields only) or deletes (softly) an agent.
  func performAgent(_ step: ApplyStep) async throws -> StepResult {
    switch step.action {
    case .create:
      let body = try APIClient.json(step.payload)
      let request = HTTPRequest(method: "POST", path: "/agents", body: body)
      return try await writes.create(step, request: request) {
        try await agentIDs(named: step.address.name)
      } createdID: { response in
        try? JSONDecoder().decode(HeppuEnvelope<AgentCreated>.self, from: response.body).data.id
      }
    case .update:
      let id = try liveID(of: step)
      // The payload names the agent, so a rename (metadata.previousNames) sends the new name.
      let request = HTTPRequest(
        method: "PATCH", path: "/agents/\(id)", body: try APIClient.json(step.changedPayload))
      _ = try await writes.call(
        request, idempotent: true, write: true, doing: "updating \(step.address)")
      return StepResult(liveID: id)
    case .delete:
      let id = try liveID(of: step)
      return try await writes.delete(
        step, request: HTTPRequest(method: "DELETE", path: "/agents/\(id)"))
    case .connect:
      throw ProviderError("\(step.address): Heppu agents cannot be connected; remove `connect`")
    case .migrate:
      throw ProviderError("\(step.address): Heppu agents have no records to migrate")
    }
  }

  /// The IDs of the live agents named `name` (a look-up after a create whose outcome is
  /// unknown).
  func agentIDs(named name: String) async throws -> [String] {
    var query = URLComponents()
    query.queryItems = [.init(name: "search", value: name), .init(name: "limit", value: "100")]
    let request = HTTPRequest(method: "GET", path: "/agents?" + (query.percentEncodedQuery ?? ""))
    let response = try await writes.call(
      request, idempotent: true, write: false, doing: "looking up agent '\(name)'")
    return try decode(HeppuEnvelope<[AgentWire]>.self, from: response, for: request).data
      .filter { $0.name == name }.map(\.id)
  }
}
