import HehoManifest

/// The records of a provider that does not adopt `RecordProvider`: none. Asked to read or
/// count some anyway (a kind of it says it holds data), it throws rather than answer "none":
/// a count of 0 before a delete would hide data loss.
struct NoRecords: RecordProvider {
  let provider: any Provider

  var name: String { provider.name }
  var platforms: [PlatformEndpoint] { provider.platforms }
  var kinds: [KindBehavior] { provider.kinds }
  func compile(_ state: DesiredState) throws -> CompiledDesiredState {
    try provider.compile(state)
  }
  func fetchLiveState() async throws -> LiveState { try await provider.fetchLiveState() }
  func perform(_ step: ApplyStep) async throws -> StepResult { try await provider.perform(step) }

  func fetchRecords(_ sources: [RecordSource]) async throws -> LiveState {
    guard let first = sources.first else { return LiveState(resources: [], readsMade: 0) }
    throw refusal(first.address.kind)
  }

  func countRecords(in resource: LiveResource) async throws -> Int {
    throw refusal(resource.address.kind)
  }

  private func refusal(_ kind: String) -> ProviderError {
    ProviderError(
      "\(name) reads no records, yet its kind '\(kind)' holds some; its provider must adopt "
        + "RecordProvider")
  }
}
