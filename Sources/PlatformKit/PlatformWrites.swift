import Foundation
import HehoEngine

/// The writes every platform's provider makes the same way: creates that never duplicate, deletes
/// that count a 404 after an unclear answer as done, and calls whose failures say what was being
/// done, with the key redacted.
public struct PlatformWrites: Sendable {
  /// The client every request goes through.
  public let client: APIClient
  /// The platform's name in messages (`HeHo`).
  public let displayName: String
  /// How many times a create with an unknown outcome is looked up and tried again.
  public let createAttempts: Int

  /// Creates the helper.
  public init(client: APIClient, displayName: String, createAttempts: Int = 4) {
    self.client = client
    self.displayName = displayName
    self.createAttempts = max(1, createAttempts)
  }

  /// Creates without ever making a duplicate: when an attempt's outcome is unknown (timeout,
  /// lost connection, 5xx), looks the resource up by name before sending it again. One match is
  /// adopted; none means the attempt never landed, so it is sent again; several mean the
  /// platform holds duplicates (names the platform does not keep unique), and nothing more is
  /// sent.
  ///
  /// - Parameters:
  ///   - lookup: The IDs of the live resources named like the step's address.
  ///   - createdID: The new resource's ID, read from the create's response.
  public func create(
    _ step: ApplyStep, request: HTTPRequest,
    lookup: @Sendable () async throws -> [String],
    createdID: (HTTPResponse) -> String?
  ) async throws -> StepResult {
    let lookUp = !CreateSafety.resendWithoutLookup
    var uncertain = false
    var lastProblem = ""
    for _ in 1...createAttempts {
      if uncertain && lookUp, let id = try await adoptable(step, lookup: lookup) {
        return StepResult(liveID: id, adopted: true)
      }
      do {
        let response = try await client.send(request, idempotent: false, write: true)
        return StepResult(liveID: createdID(response))
      } catch APIClientError.unknownOutcome(let problem) {
        uncertain = true
        lastProblem = problem
      } catch APIClientError.rejected(let status, let message, _) where status == 409 && uncertain {
        lastProblem = message
      } catch let error as APIClientError {
        throw failure(error, doing: "creating \(step.address)")
      }
    }
    if uncertain && lookUp, let id = try await adoptable(step, lookup: lookup) {
      return StepResult(liveID: id, adopted: true)
    }
    throw ProviderError(
      "creating \(step.address): the outcome stayed unknown after \(createAttempts) attempts "
        + "(\(lastProblem)); it was not found on the platform, so run heho apply again")
  }

  /// After an unknown outcome: the ID of the one live resource with the step's name, `nil` when
  /// there is none; an error, and nothing more sent, when there are several.
  func adoptable(
    _ step: ApplyStep, lookup: @Sendable () async throws -> [String]
  ) async throws -> String? {
    let ids: [String]
    do {
      ids = try await lookup()
    } catch let error as ProviderError {
      throw ProviderError(
        "creating \(step.address): the answer to the create was lost, and looking it up failed "
          + "(\(error.message)); it may exist on the platform now: run heho apply again, which "
          + "finds it rather than making it twice", status: error.status)
    }
    guard ids.count > 1 else { return ids.first }
    throw ProviderError(
      "creating \(step.address): after an unclear response the platform holds \(ids.count) "
        + "resources named '\(step.address.name)' (IDs \(ids.sorted().joined(separator: ", "))); "
        + "heho cannot tell which one it made, so it sent nothing more: delete all but one on "
        + "the platform and run heho apply again")
  }

  /// Deletes; a 404 after an attempt whose outcome was unknown means the delete happened.
  public func delete(_ step: ApplyStep, request: HTTPRequest) async throws -> StepResult {
    do {
      _ = try await client.send(request, idempotent: true, write: true)
      return StepResult(liveID: step.liveID)
    } catch APIClientError.rejected(let status, _, let uncertain) where status == 404 && uncertain {
      return StepResult(liveID: step.liveID)
    } catch let error as APIClientError {
      throw failure(error, doing: "deleting \(step.address)")
    }
  }

  /// Sends a request, turning client errors into provider errors that say what was being done.
  public func call(
    _ request: HTTPRequest, idempotent: Bool, write: Bool, doing: String
  ) async throws -> HTTPResponse {
    do {
      return try await client.send(request, idempotent: idempotent, write: write)
    } catch let error as APIClientError {
      throw failure(error, doing: doing)
    }
  }

  /// A client error as a provider error naming what was being done, the key redacted.
  public func failure(_ error: APIClientError, doing: String) -> ProviderError {
    let text: String
    var status: Int?
    switch error {
    case .rejected(let code, let message, _):
      status = code
      text =
        code == 401
        ? "\(displayName) refused the API key (401: \(message)); check the key in the "
          + "environment variable"
        : "\(displayName) refused it with \(code): \(message)"
    case .unknownOutcome(let message): text = message
    case .unavailable(let message): text = message
    case .malformed(let message): text = message
    }
    return ProviderError(client.redactor.redact("\(doing): \(text)"), status: status)
  }
}
