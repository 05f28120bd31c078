import Foundation
import HehoEngine
import HehoManifest
import PlatformKit

/// The HeHo platform: tables, chatbots, and permissions compiled into chatbots' table slots.
///
/// HeHo has no update for chatbots and no ALTER for tables, so every changed field forces a
/// replacement. Tables are identified by name; chatbots by name, with a platform ID.
public struct HeHoProvider: PlatformProvider, RecordProvider {
  /// The client used for every request.
  public let client: APIClient
  /// How many times a create with an unknown outcome is looked up and tried again.
  public var createAttempts: Int

  /// The endpoint the client reaches, as recorded in plans.
  public var endpoint: String

  /// Creates a provider over `client`, which reaches `endpoint`.
  public init(client: APIClient, endpoint: String = "", createAttempts: Int = 4) {
    self.client = client
    self.endpoint = endpoint
    self.createAttempts = max(1, createAttempts)
  }

  /// Creates a provider for the platform reached through `access`.
  public init(access: PlatformAccess) {
    self.init(client: access.client(), endpoint: access.endpoint.absoluteString)
  }

  public var name: String { HeHoDescriptor.platformName }

  public var kinds: [KindBehavior] { HeHoKind.allCases.map(behavior) }

  /// How the engine treats each kind.
  func behavior(of kind: HeHoKind) -> KindBehavior {
    switch kind {
    case .table:
      KindBehavior(
        kind: kind.addressKind, platform: name, holdsData: true,
        replacementReason: "HeHo has no ALTER for tables: it is dropped and created again",
        migrationReason: "HeHo has no ALTER for tables: it is backed up, dropped, created "
          + "again, restored and verified")
    case .chatbot:
      KindBehavior(
        kind: kind.addressKind, platform: name, replacementChangesIdentity: true,
        replacementReason: "HeHo has no update endpoint for chatbots: it is deleted and created "
          + "again", conversationRole: .conversational)
    case .permission:
      KindBehavior(
        kind: kind.addressKind, platform: name,
        replacementReason: "permissions are part of their chatbot",
        manifestOnly: true)
    case .tableData:
      KindBehavior(
        kind: kind.addressKind, platform: name,
        replacementReason: "rows are added, edited and deleted one by one",
        recordContainer: HeHoKind.table.addressKind, recordNoun: "rows")
    }
  }

  public func compile(_ state: DesiredState) throws -> CompiledDesiredState {
    try HeHoCompiler().compile(state)
  }

  public func fetchLiveState() async throws -> LiveState {
    let before = client.counter.reads
    async let chatbots = listChatbots()
    async let tables = listTables()
    let resources =
      try await tables.map(HeHoNormalizer.table) + chatbots.map(HeHoNormalizer.chatbot)
    return LiveState(resources: resources, readsMade: client.counter.reads - before)
  }

  public func countRecords(in resource: LiveResource) async throws -> Int {
    let request = try rowRequest("read", resource.address.name, [:])
    let response = try await call(
      request, idempotent: true, write: false, doing: "counting rows of \(resource.address)")
    let read = try client.decode(HeHoRowsRead.self, from: response, for: request.line)
    return read.count ?? read.data?.count ?? 0
  }

  public func perform(_ step: ApplyStep) async throws -> StepResult {
    if let write = step.record { return try await performRow(step, write) }
    switch (step.action, HeHoKind(addressKind: step.address.kind)) {
    case (.create, .chatbot):
      return try await create(step, path: HeHoPaths.chatbots) {
        try await listChatbots().filter { $0.name == step.address.name }.map(\.id)
      }
    case (.create, .table):
      return try await create(step, path: HeHoPaths.tables) {
        try await listTables().filter { $0.name == step.address.name }.map(\.name)
      }
    case (.connect, .table):
      return try await connect(step)
    case (.delete, .chatbot):
      let id = try liveID(of: step)
      let request = HTTPRequest(
        method: "DELETE", path: HeHoPaths.chatbots, query: [.init("chatbotId", id)])
      return try await delete(step, request: request)
    case (.delete, .table):
      let body = try APIClient.json(["tableName": step.address.name])
      return try await delete(
        step, request: HTTPRequest(method: "DELETE", path: HeHoPaths.tables, body: body))
    default:
      throw ProviderError(
        "\(step.address): HeHo cannot \(step.action.rawValue) a \(step.address.kind) "
          + "(no such endpoint)")
    }
  }

  public func migration(from live: LiveResource, to item: DesiredItem) -> MigrationPlan? {
    HeHoKind(addressKind: item.address.kind) == .table
      ? TableMigration.plan(from: live, to: item) : nil
  }

  public func carryOver(_ record: Record, in migration: MigrationPlan) -> CarriedRecord {
    TableMigration.carryOver(record, in: migration)
  }

  public func outline(of item: DesiredItem) -> [String]? {
    HeHoOutline.lines(for: item)
  }

  public func explain(_ change: FieldChange, of address: ResourceAddress) -> String? {
    HeHoKind(addressKind: address.kind) == .chatbot
      ? HeHoNormalizer.explainAccess(change, chatbot: address.name) : nil
  }

  func listChatbots() async throws -> [HeHoChatbotWire] {
    let request = HTTPRequest(method: "GET", path: HeHoPaths.chatbots)
    let response = try await call(
      request, idempotent: true, write: false, doing: "listing chatbots")
    if let chatbots = HeHoListDecoder.chatbots(response.body) { return chatbots }
    return try client.decode(HeHoChatbotList.self, from: response, for: request.line).chatbots
  }

  func listTables() async throws -> [HeHoTableWire] {
    let request = HTTPRequest(method: "GET", path: HeHoPaths.rows)
    let response = try await call(request, idempotent: true, write: false, doing: "listing tables")
    if let tables = HeHoListDecoder.tables(response.body) { return tables }
    return try client.decode(HeHoTableList.self, from: response, for: request.line).tables
  }
}
