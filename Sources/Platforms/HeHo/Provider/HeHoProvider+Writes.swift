import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

extension HeHoProvider {
  /// The shared writes: creates that never duplicate, deletes, calls.
  public var writes: PlatformWrites {
    PlatformWrites(client: client, displayName: "HeHo", createAttempts: createAttempts)
  }

  /// Creates at `path`, never making a duplicate (`PlatformWrites.create`).
  func create(
    _ step: ApplyStep, path: String, lookup: @Sendable () async throws -> [String]
  ) async throws -> StepResult {
    let request = HTTPRequest(method: "POST", path: path, body: try APIClient.json(step.payload))
    return try await writes.create(step, request: request, lookup: lookup) { response in
      createdID(in: response, step: step)
    }
  }

  /// Connects an existing table. 409 (already on the platform) counts as done.
  func connect(_ step: ApplyStep) async throws -> StepResult {
    let body = try APIClient.json(["tableName": step.address.name])
    let request = HTTPRequest(method: "POST", path: HeHoPaths.connect, body: body)
    do {
      _ = try await client.send(request, idempotent: true, write: true)
      return StepResult(liveID: step.address.name)
    } catch APIClientError.rejected(let status, _, _) where status == 409 {
      return StepResult(liveID: step.address.name, adopted: true)
    } catch APIClientError.rejected(let status, let message, _) where status == 404 {
      throw ProviderError(
        "connecting \(step.address): the table '\(step.address.name)' does not exist in the "
          + "organization's database (\(message)); create it there first, or remove "
          + "`connect: true` so heho creates it", status: 404)
    } catch let error as APIClientError {
      throw failure(error, doing: "connecting \(step.address)")
    }
  }

  /// Deletes; a 404 after an attempt whose outcome was unknown means the delete happened.
  func delete(_ step: ApplyStep, request: HTTPRequest) async throws -> StepResult {
    try await writes.delete(step, request: request)
  }

  /// Sends a request, turning client errors into provider errors that say what was being done.
  func call(
    _ request: HTTPRequest, idempotent: Bool, write: Bool, doing: String
  ) async throws -> HTTPResponse {
    try await writes.call(request, idempotent: idempotent, write: write, doing: doing)
  }

  func failure(_ error: APIClientError, doing: String) -> ProviderError {
    writes.failure(error, doing: doing)
  }

  func createdID(in response: HTTPResponse, step: ApplyStep) -> String? {
    if HeHoKind.table.matches(step.address) { return step.address.name }
    return (try? JSONDecoder().decode(HeHoChatbotCreated.self, from: response.body))?.chatbot?.id
  }
}
