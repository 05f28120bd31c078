import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

extension __Name__Provider {
  /// Creates (never twice: `PlatformWrites.create` looks up before sending again), updates or
  /// deletes a gadget.
  func performGadget(_ step: ApplyStep) async throws -> StepResult {
    switch step.action {
    case .create:
      let request = HTTPRequest(
        method: "POST", path: "/gadgets", body: try APIClient.json(step.payload))
      return try await writes.create(step, request: request) {
        try await listGadgets().filter { $0.name == step.address.name }.map(\.id)
      } createdID: { response in
        try? JSONDecoder().decode(GadgetWire.self, from: response.body).id
      }
    case .update:
      let id = try liveID(of: step)
      let request = HTTPRequest(
        method: "PATCH", path: "/gadgets/\(id)", body: try APIClient.json(step.changedPayload))
      _ = try await writes.call(
        request, idempotent: true, write: true, doing: "updating \(step.address)")
      return StepResult(liveID: id)
    case .delete:
      let id = try liveID(of: step)
      return try await writes.delete(
        step, request: HTTPRequest(method: "DELETE", path: "/gadgets/\(id)"))
    case .connect, .migrate:
      throw ProviderError(
        "\(step.address): __Name__ gadgets hold no records and cannot be connected; remove "
          + "`connect` and `lifecycle.migrate`")
    }
  }
}
