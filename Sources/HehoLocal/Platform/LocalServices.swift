import Foundation

/// Everything the server's routes use: stores, counters and the fault injector.
struct LocalServices: Sendable {
  /// Organizations, keys and chatbots.
  let platform: PlatformStore
  /// One database per organization.
  let databases: OrganizationDatabases
  /// Request counters.
  let recorder: MetricsRecorder
  /// Fault decisions.
  let injector: FaultInjector
  /// Whether chatbot names are unique per organization (off: the seed promises no such check).
  let uniqueChatbotNames: Bool

  /// Opens the platform database at `path` and the organization databases beside it.
  init(path: String, faults: FaultConfiguration = .none, uniqueChatbotNames: Bool = false) throws {
    platform = try PlatformStore(path: path)
    databases = OrganizationDatabases(
      directory: OrganizationDatabases.directory(forPlatformDatabase: path))
    recorder = MetricsRecorder()
    injector = FaultInjector(faults)
    self.uniqueChatbotNames = uniqueChatbotNames
  }

  var chatbots: ChatbotStore { ChatbotStore(platform: platform, uniqueNames: uniqueChatbotNames) }
  var tables: TableService { TableService(databases: databases) }
  var rows: RowService { RowService(databases: databases) }

  /// The organization with this name; a `LocalPlatformError` when there is none.
  func organization(named name: String) async throws -> Organization {
    guard let organization = try await platform.organization(named: name) else {
      throw LocalPlatformError.unknownOrganization(name)
    }
    return organization
  }

  /// Closes every database.
  func close() throws {
    try databases.closeAll()
    try platform.pool.close()
  }
}
